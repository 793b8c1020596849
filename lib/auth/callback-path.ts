// Where to send someone after sign-in or a module flow. Only paths on this site are allowed, so a crafted
// link cannot turn the app into an open redirect.
const FALLBACK = "/dashboard";
// Any origin will do: the value is resolved against it and must stay on it.
const BASE = "http://callback.invalid";

/**
 * The normalised same-origin path `value` names, or null when it names another origin or could be read as one.
 * `origin` is this app's; absolute URLs on it are accepted and reduced to their path.
 */
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
  // Encoded slashes and backslashes in the path are decoded by some servers and proxies on the way.
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

/** The sign-in page for a signed-out visitor to `url`, carrying the path (not the origin) to come back to. */
export function signInUrlFor(url: URL): URL {
  const signInUrl = new URL("/signin", url.origin);
  signInUrl.searchParams.set("callbackUrl", safeCallbackPath(`${url.pathname}${url.search}`));
  return signInUrl;
}
