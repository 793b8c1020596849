// Headers every emulator response carries: no MIME sniffing, and no framing, so another site cannot overlay
// the consent, bank-login, verify or dashboard pages to trick a click (clickjacking).
import { createMiddleware } from "hono/factory";

const NOSNIFF = ["X-Content-Type-Options", "nosniff"] as const;
const NO_FRAMING = ["X-Frame-Options", "DENY"] as const;

export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    // Set before the route runs, so c.json/c.body/c.html build the response with them. Setting a header after
    // the response exists makes Hono copy it into a full web Response, which @hono/node-server then streams out
    // instead of writing the body in one go: about a third of a GET's cost in `npm run bench:sandbox`.
    c.header(...NOSNIFF);
    c.header(...NO_FRAMING);
    await next();
    const headers = c.res.headers;
    // A route that answers with a Response of its own does not carry the prepared headers.
    if (headers.get(NOSNIFF[0]) !== NOSNIFF[1]) c.header(...NOSNIFF);
    if (headers.get(NO_FRAMING[0]) !== NO_FRAMING[1]) c.header(...NO_FRAMING);
    if (headers.get("content-type")?.startsWith("text/html")) {
      // Pages only: JSON answers have nothing to frame, and a page that sets its own policy keeps it.
      const policy = headers.get("content-security-policy");
      c.header("Content-Security-Policy", policy ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'");
    }
  });
}
