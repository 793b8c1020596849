// The headers of the emulator's pages (module and dashboard): a Content-Security-Policy that lets nothing load or
// run but the page's own nonce'd style and script, forms only to the emulator and the flow's redirect origin,
// no framing, no base, a Referrer-Policy, nosniff, and login cookies that are Secure over https.
import { describe, expect, it } from "vitest";
import { dashboardClient } from "./dashboard-helpers";
import { authorizeUrl, createTestEmulator, SEED_USER_PHONE, postForm, REDIRECT_URI, sessionIdFrom } from "./helpers";

const REDIRECT_ORIGIN = new URL(REDIRECT_URI).origin;

/** The policy's directives by name. */
const directives = (policy: string | null) =>
  new Map(
    (policy ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")] as const;
    }),
  );

/** Checks a page's policy and that every <style> and <script> carries its nonce; returns the directives. */
async function expectPagePolicy(response: Response, what: string) {
  const html = await response.text();
  const policy = directives(response.headers.get("content-security-policy"));
  expect(policy.get("default-src"), what).toBe("'none'");
  expect(policy.get("frame-ancestors"), what).toBe("'none'");
  expect(policy.get("base-uri"), what).toBe("'none'");
  const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(policy.get("style-src") ?? "")?.[1];
  expect(nonce, `${what}: style-src is one nonce`).toBeDefined();
  expect(policy.get("script-src"), what).toBe(`'nonce-${nonce}'`);
  const tags = [...html.matchAll(/<(style|script)\b([^>]*)>/g)];
  expect(tags.length, what).toBeGreaterThan(0);
  for (const [, , attributes] of tags) expect(attributes, what).toBe(` nonce="${nonce}"`);
  expect(html, `${what}: no style attribute, which the policy would block`).not.toMatch(/\sstyle="/);
  expect(response.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  return { policy, nonce, html };
}

describe("emulator page headers", () => {
  it("give module and dashboard pages a nonce'd policy, a fresh nonce on each response", async () => {
    const { app } = createTestEmulator();
    const nonces = new Set<string>();
    for (const path of [
      authorizeUrl(),
      authorizeUrl(),
      "/dashboard/login",
      "/dashboard/signup",
      "/institutions/connect?client_id=nope",
      "/no/such/page",
    ]) {
      const response = await app.request(path, { headers: { accept: "text/html" } });
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      const { policy, nonce } = await expectPagePolicy(response, path);
      expect(policy.get("form-action"), path).toMatch(/^'self'/);
      nonces.add(nonce ?? "");
    }
    expect(nonces.size).toBeGreaterThanOrEqual(5);
  });

  it("let the module's forms end on the redirect URI's origin, and dashboard forms only on the emulator", async () => {
    const { app } = createTestEmulator();
    const start = await app.request(authorizeUrl());
    const { policy, html } = await expectPagePolicy(start, "phone page");
    expect(policy.get("form-action")).toBe(`'self' ${REDIRECT_ORIGIN}`);
    const session_id = sessionIdFrom(html);
    const code = await postForm(app, "/login/oauth/authorize/phone", { session_id, phone: SEED_USER_PHONE });
    expect((await expectPagePolicy(code, "code page")).policy.get("form-action")).toBe(`'self' ${REDIRECT_ORIGIN}`);
    const consent = await postForm(app, "/login/oauth/authorize/code", { session_id, code: "123456" });
    const consentPolicy = (await expectPagePolicy(consent, "consent page")).policy;
    expect(consentPolicy.get("form-action")).toBe(`'self' ${REDIRECT_ORIGIN}`);
    const login = await app.request("/dashboard/login");
    expect((await expectPagePolicy(login, "dashboard login")).policy.get("form-action")).toBe("'self'");
  });

  it("give JSON answers nosniff and the Referrer-Policy, and no page policy", async () => {
    const { app } = createTestEmulator();
    const response = await app.request("/sandbox/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});

describe("login cookies over https", () => {
  const secure = (response: Response) => /;\s*Secure/i.test(response.headers.get("set-cookie") ?? "");

  async function moduleLogin(origin: string, headers: Record<string, string> = {}) {
    const { app } = createTestEmulator();
    const start = await app.request(`${origin}${authorizeUrl()}`, { headers });
    const session_id = sessionIdFrom(await start.text());
    await postForm(app, `${origin}/login/oauth/authorize/phone`, { session_id, phone: SEED_USER_PHONE }, headers);
    return postForm(app, `${origin}/login/oauth/authorize/code`, { session_id, code: "123456" }, headers);
  }

  async function dashboardLogin(origin: string, headers: Record<string, string> = {}) {
    const sandbox = createTestEmulator();
    const fields = { email: "developer@example.com", password: "sandbox-password" };
    const response = await postForm(sandbox.app, `${origin}/dashboard/login`, fields, { origin, ...headers });
    expect(response.status).toBe(303);
    return response;
  }

  it.each([
    ["the module's login cookie", moduleLogin],
    ["the dashboard's session cookie", dashboardLogin],
  ])(
    "%s is Secure over https or behind a proxy that says https, and not over plain http",
    async (_, logIn) => {
      expect(secure(await logIn("https://localhost"))).toBe(true);
      expect(secure(await logIn("http://localhost", { "x-forwarded-proto": "https" }))).toBe(true);
      expect(secure(await logIn("http://localhost"))).toBe(false);
    },
    60_000,
  );
});

describe("signed-in dashboard pages", () => {
  it("carry the nonce'd policy, the copy script included", async () => {
    const sandbox = createTestEmulator();
    const dashboard = dashboardClient(sandbox);
    const cookie = await dashboard.logInSeeded();
    const page = await dashboard.get("/dashboard", cookie);
    const { html } = await expectPagePolicy(page, "/dashboard");
    expect(html).toContain("<script");
  });
});
