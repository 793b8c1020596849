// Headers every emulator response carries: no MIME sniffing, and no framing, so another site cannot overlay
// the consent, bank-login, verify or dashboard pages to trick a click (clickjacking).
import { createMiddleware } from "hono/factory";

export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    if (c.res.headers.get("content-type")?.startsWith("text/html")) {
      // Pages only: JSON answers have nothing to frame, and a page that sets its own policy keeps it.
      const policy = c.res.headers.get("content-security-policy");
      c.header("Content-Security-Policy", policy ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'");
    }
  });
}
