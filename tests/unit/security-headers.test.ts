import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { contentSecurityPolicy, newNonce, securityHeaderOptions, securityHeaders } from "@/lib/security-headers";

const url = new URL("http://localhost:3000/dashboard");

describe("security headers", () => {
  it("allow eval (React's dev tooling) and inline styles only under next dev", () => {
    const dev = contentSecurityPolicy(securityHeaderOptions(parseEnv({ NODE_ENV: "development" }), url, "n0nce"));
    expect(dev).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic' 'unsafe-eval'");
    const production = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(32),
      AUTH_URL: "https://bank.example",
    });
    const csp = contentSecurityPolicy(securityHeaderOptions(production, url, "n0nce"));
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    expect(csp).toContain("style-src 'self' 'nonce-n0nce'");
  });

  it("send HSTS and upgrade-insecure-requests only when the public origin is https", () => {
    const https = securityHeaders(
      securityHeaderOptions(
        parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), AUTH_URL: "https://bank.example" }),
        url,
      ),
    );
    expect(https["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");

    const http = securityHeaders(
      securityHeaderOptions(
        parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), AUTH_URL: "http://localhost:3000" }),
        url,
      ),
    );
    expect(http["strict-transport-security"]).toBeUndefined();
    expect(http["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("let forms go to this origin and Astra's module only", () => {
    const env = parseEnv({ ASTRA_ENV: "sandbox", ASTRA_CLIENT_ID: "id", ASTRA_CLIENT_SECRET: "secret" });
    expect(contentSecurityPolicy(securityHeaderOptions(env, url))).toContain(
      "form-action 'self' https://app.astra.finance",
    );
  });

  it("in demo mode let forms go to this origin, where the module is mounted (/emulator)", () => {
    const fixed = parseEnv({ ASTRA_ENV: "demo", AUTH_URL: "http://localhost:3105" });
    expect(contentSecurityPolicy(securityHeaderOptions(fixed, url))).toMatch(
      /form-action 'self'( http:\/\/localhost:3105)?;/,
    );
    // Without AUTH_URL the module's base is the bare path "/emulator": 'self' covers it, and nothing throws.
    const perRequest = parseEnv({
      ASTRA_ENV: "demo",
      NODE_ENV: "production",
      AUTH_SECRET: "a-real-secret-of-enough-length",
      AUTH_TRUST_HOST: "true",
      CLIENT_IP_HEADER: "x-real-ip",
    });
    expect(contentSecurityPolicy(securityHeaderOptions(perRequest, url))).toContain("form-action 'self';");
  });

  it("make a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
