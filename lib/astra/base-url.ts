// Astra URLs from a base and a path. `new URL(path, base)` would drop the base's own path, so a base such as
// https://x.app/emulator (demo mode) would lose /emulator; these keep it.

/** `base` + `path` with exactly one slash between them, the base's path kept and the path's query kept. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/**
 * A base that is only a path (demo mode when the origin is known per request: "/emulator") made absolute on
 * `origin`; an absolute base is returned as it is.
 */
export function absoluteBase(base: string, origin: string): string {
  return base.startsWith("/") ? joinUrl(origin, base) : base;
}
