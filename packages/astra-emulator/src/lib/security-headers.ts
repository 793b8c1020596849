// Headers every emulator response carries: no MIME sniffing, no framing (another site overlaying the consent,
// bank-login, verify or dashboard pages to trick a click), no full URL in Referer. Pages also get a
// Content-Security-Policy from renderPage: nothing loads or runs but their own nonce'd style and script.
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { createContext } from "hono/jsx";
import { createMiddleware } from "hono/factory";

declare module "hono" {
  interface ContextVariableMap {
    /** Origins a page's forms may end up on: the redirect URI a module flow sends the browser back to. */
    formRedirectOrigins: string[];
  }
}

const NOSNIFF = ["X-Content-Type-Options", "nosniff"] as const;
const NO_FRAMING = ["X-Frame-Options", "DENY"] as const;
const REFERRER = ["Referrer-Policy", "strict-origin-when-cross-origin"] as const;
const FALLBACK_POLICY = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The nonce of this response's <style> and <script>; renderPage provides it. */
export const CspNonce = createContext("");

/**
 * The module flow's forms post here and are answered with a redirect to `redirectUri`; browsers check that
 * redirect against form-action, so the page that holds the form must allow its origin.
 */
export function allowFormRedirect(c: Context, redirectUri: string): void {
  if (!URL.canParse(redirectUri)) return;
  c.set("formRedirectOrigins", [...(c.get("formRedirectOrigins") ?? []), new URL(redirectUri).origin]);
}

/** A fresh nonce and the page policy built on it; set by renderPage before the page is rendered. */
export function pagePolicy(c: Context): string {
  const nonce = randomBytes(16).toString("base64");
  const formTargets = ["'self'", ...new Set(c.get("formRedirectOrigins") ?? [])].join(" ");
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self'; ` +
      `form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
  );
  return nonce;
}

/** True when the browser reached us over https, directly or through a proxy that says so. */
export function servedOverHttps(c: Context): boolean {
  if (c.req.url.startsWith("https:")) return true;
  return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    // Set before the route runs, so c.json/c.body/c.html build the response with them. Setting a header after
    // the response exists makes Hono copy it into a full web Response, which @hono/node-server then streams out
    // instead of writing the body in one go: about a third of a GET's cost in `npm run bench:emulator`.
    c.header(...NOSNIFF);
    c.header(...NO_FRAMING);
    c.header(...REFERRER);
    await next();
    const headers = c.res.headers;
    // A route that answers with a Response of its own does not carry the prepared headers.
    for (const [name, value] of [NOSNIFF, NO_FRAMING, REFERRER]) if (headers.get(name) !== value) c.header(name, value);
    // HTML that did not come through renderPage (a framework error page) still gets a policy, the strictest.
    if (headers.get("content-type")?.startsWith("text/html") && !headers.has("content-security-policy")) {
      c.header("Content-Security-Policy", FALLBACK_POLICY);
    }
  });
}
