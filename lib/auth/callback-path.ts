// Where to go after sign-in: only paths on this site, so a crafted link cannot make an open redirect.
const FALLBACK = "/dashboard";
const BASE = "http://callback.invalid";

export function sameOriginPath(value: string, origin?: string): string | null {
  let candidate = value;
  if (origin && (candidate === origin || candidate.startsWith(`${origin}/`)))
    candidate = candidate.slice(origin.length) || "/";
  // Browsers ignore tabs and newlines and read "\" as "/" in URLs, so "/\t/evil.com" would mean "//evil.com".
  if (!candidate.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (/%(2f|5c)/i.test(url.pathname)) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Removing dot segments can leave "//host" ("/.//evil.example"): a protocol-relative URL to a browser.
  if (path.startsWith("//")) return null;
  return path;
}

export function safeCallbackPath(value: string | string[] | undefined | null, origin?: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  const path = raw ? sameOriginPath(raw, origin) : null;
  if (!path || path.startsWith("/api/") || path.startsWith("/signin")) return FALLBACK;
  return path;
}

export function signInUrlFor(url: URL): URL {
  const signInUrl = new URL("/signin", url.origin);
  signInUrl.searchParams.set("callbackUrl", safeCallbackPath(`${url.pathname}${url.search}`));
  return signInUrl;
}
