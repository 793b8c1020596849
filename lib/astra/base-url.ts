// `new URL(path, base)` drops the base's own path (/emulator in demo mode); these keep it.

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

export function absoluteBase(base: string, origin: string): string {
  return base.startsWith("/") ? joinUrl(origin, base) : base;
}
