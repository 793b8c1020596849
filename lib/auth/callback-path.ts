// Where to send someone after sign-in. Only same-site paths are allowed, so a crafted link cannot turn the
// sign-in flow into an open redirect.
const FALLBACK = "/dashboard";

export function safeCallbackPath(value: string | string[] | undefined | null, origin?: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return FALLBACK;
  let candidate = raw;
  // next-auth passes absolute callback URLs; accept them only on our own origin.
  if (origin && candidate.startsWith(origin)) candidate = candidate.slice(origin.length) || "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return FALLBACK;
  if (candidate.startsWith("/api/") || candidate.startsWith("/signin")) return FALLBACK;
  return candidate;
}

/** The sign-in page for a signed-out visitor to `url`, carrying the path (not the origin) to come back to. */
export function signInUrlFor(url: URL): URL {
  const signInUrl = new URL("/signin", url.origin);
  signInUrl.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
  return signInUrl;
}
