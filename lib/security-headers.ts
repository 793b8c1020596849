// The security headers on every app response (proxy.ts sets them), with a Content-Security-Policy built around
// a per-request nonce: Next.js reads the nonce from the request's CSP header and stamps it on its own scripts,
// so no inline script runs unless this server wrote it for this response.
import type { Env } from "@/lib/env";

export type SecurityHeaderOptions = {
  /** Fresh for every request (`newNonce()`); only pages rendered per request can carry it. */
  nonce: string;
  /** `next dev`: React's dev tooling needs eval, and its overlay injects styles without a nonce. */
  development: boolean;
  /** The app is served over https: HSTS, and upgrade any stray http subresource. */
  https: boolean;
  /** Origins a form may post (or be redirected) to besides this one: Astra's hosted module for sign-in. */
  formActionOrigins: readonly string[];
};

/** 128 random bits, base64: unguessable, and unique per response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce, development, https, formActionOrigins }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; hosts and 'self' are ignored by browsers
    // that understand it, so an injected <script src> from this origin does not run either.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${formActionOrigins.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Browser features this app never uses, switched off for it and anything it might embed. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Every header a response gets, CSP included. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "x-content-type-options": "nosniff",
    // Older browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    // Only once the origin is https: a browser that saw it over http would ignore it anyway, and localhost
    // must stay reachable over http.
    ...(options.https && !options.development
      ? { "strict-transport-security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}

/** The options for a request to `url` under this configuration. */
export function securityHeaderOptions(env: Env, url: URL, nonce = newNonce()): SecurityHeaderOptions {
  const publicOrigin = env.authUrl ?? url.origin;
  return {
    nonce,
    development: env.nodeEnv === "development",
    https: publicOrigin.startsWith("https://"),
    // Demo mode without AUTH_URL: the module is at "/emulator" on this origin, which 'self' already allows.
    formActionOrigins: env.astraAppUrl.startsWith("/") ? [] : [new URL(env.astraAppUrl).origin],
  };
}

/** Sets every security header on a response this app answers itself. */
export function applySecurityHeaders(headers: Headers, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(securityHeaders(options))) headers.set(name, value);
}
