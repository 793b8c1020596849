// Where to send someone after sign-in. Only paths on this site are allowed, so a crafted link cannot turn the
// sign-in flow into an open redirect.
const FALLBACK = "/dashboard";
// Any origin will do: the value is resolved against it and must stay on it.
const BASE = "http://callback.invalid";

export function safeCallbackPath(value: string | string[] | undefined | null, origin?: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return FALLBACK;
  let candidate = raw;
  // next-auth passes absolute callback URLs; accept them only on our own origin.
  if (origin && candidate.startsWith(`${origin}/`)) candidate = candidate.slice(origin.length);
  // Browsers ignore tabs and newlines and read "\" as "/" in URLs, so "/\t/evil.com" would mean "//evil.com".
  if (!candidate.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(candidate)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/signin")) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page for a signed-out visitor to `url`, carrying the path (not the origin) to come back to. */
export function signInUrlFor(url: URL): URL {
  const signInUrl = new URL("/signin", url.origin);
  signInUrl.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
  return signInUrl;
}
