// Which URLs need a session. Pages under app/(signed-in) and the app's Astra route handlers do; everything else
// is public. tests/unit/signed-in-routes.test.ts walks app/(signed-in) on disk and fails when a route there is
// missing here, so adding a signed-in page means adding its first segment to this list.

/** First path segments of everything under app/(signed-in). */
export const SIGNED_IN_SECTIONS = ["dashboard", "accounts", "routines", "transfers", "verify"] as const;

/** Route handlers that act for the signed-in user; without a session they answer 401 JSON, not a redirect. */
export const SIGNED_IN_API_PREFIX = "/api/astra";

export type SessionRule = "page" | "api" | null;

/** What a request to `pathname` needs: a session for a page (redirect to sign in), for an API (401), or none. */
export function sessionRuleFor(pathname: string): SessionRule {
  // Next routes a percent-encoded path to the decoded page (/%64ashboard is /dashboard): judge that one.
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes route nowhere; judge the raw path.
  }
  if (path === SIGNED_IN_API_PREFIX || path.startsWith(`${SIGNED_IN_API_PREFIX}/`)) return "api";
  const first = path.split("/")[1] ?? "";
  return (SIGNED_IN_SECTIONS as readonly string[]).includes(first) ? "page" : null;
}
