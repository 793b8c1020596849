// Security headers for every app response (proxy.ts): Next stamps the per-request CSP nonce on its own scripts.
import type { Env } from "@/lib/env";

export type SecurityHeaderOptions = {
  nonce: string;
  /** React's dev tooling needs eval, and its overlay injects styles without a nonce. */
  development: boolean;
  https: boolean;
  formActionOrigins: readonly string[];
};

export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce, development, https, formActionOrigins }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks and makes browsers ignore hosts and 'self'.
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

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    ...(options.https && !options.development
      ? { "strict-transport-security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}

export function securityHeaderOptions(env: Env, url: URL, nonce = newNonce()): SecurityHeaderOptions {
  const publicOrigin = env.authUrl ?? url.origin;
  return {
    nonce,
    development: env.nodeEnv === "development",
    https: publicOrigin.startsWith("https://"),
    formActionOrigins: env.astraAppUrl.startsWith("/") ? [] : [new URL(env.astraAppUrl).origin],
  };
}

export function applySecurityHeaders(headers: Headers, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(securityHeaders(options))) headers.set(name, value);
}
