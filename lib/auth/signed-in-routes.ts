// Which URLs need a session (tests/unit/signed-in-routes.test.ts checks app/(signed-in) against this list).

export const SIGNED_IN_SECTIONS = ["dashboard", "accounts", "routines", "transfers", "profile", "verify"] as const;

export const SIGNED_IN_API_PREFIX = "/api/astra";

export type SessionRule = "page" | "api" | null;

export function sessionRuleFor(pathname: string): SessionRule {
  // Next routes a percent-encoded path to the decoded page (/%64ashboard is /dashboard): judge that one.
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {}
  if (path === SIGNED_IN_API_PREFIX || path.startsWith(`${SIGNED_IN_API_PREFIX}/`)) return "api";
  const first = path.split("/")[1] ?? "";
  return (SIGNED_IN_SECTIONS as readonly string[]).includes(first) ? "page" : null;
}
