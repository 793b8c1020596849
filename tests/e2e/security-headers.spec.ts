import type { APIResponse, Page } from "@playwright/test";
import { EMULATOR_DEVELOPER_EMAIL, EMULATOR_DEVELOPER_PASSWORD } from "../../config/emulator-defaults";
import { expect, test } from "./fixtures";
import { APP_URL, CLIENT_ID, DEMO_URL, EMULATOR_URL } from "./ports";
import { fillRoutine } from "./routine-form";
import { EMULATOR_ONLY } from "./target";

// Every response of the production build carries the security headers, and every page's scripts carry the
// CSP nonce of their own response: the policy forbids inline scripts, so an unnonced one would not run.

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: Content-Security-Policy`).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/,
  );
  expect(csp, `${what}: no unsafe script sources in production`).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  // The suite runs over http://localhost: HSTS would be wrong here (it is set once AUTH_URL is https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

/** Every <script> tag in the HTML, and whether it carries exactly this nonce. */
function scriptNonces(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => /\snonce="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? null);
}

async function expectNoncedPage(page: Page, path: string) {
  const response = await page.request.get(path, { maxRedirects: 0 });
  const nonce = expectSecurityHeaders(response, path);
  const nonces = scriptNonces(await response.text());
  expect(nonces.length, `${path} has scripts`).toBeGreaterThan(0);
  expect(nonces, `${path}: every script carries this response's nonce`).toEqual(nonces.map(() => nonce));
  return nonce;
}

/** Collects CSP violations the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  return violations;
}

test("public pages, redirects and API answers carry the security headers and a fresh nonce", async ({ page }) => {
  const first = await expectNoncedPage(page, "/");
  const second = await expectNoncedPage(page, "/");
  expect(second).not.toBe(first);
  await expectNoncedPage(page, "/signin");
  await expectNoncedPage(page, "/test-user");
  expectSecurityHeaders(await page.request.get("/no-such-page"), "404 page");

  // Signed out: the redirect to sign-in, the 401 of a signed-in API, and next-auth's own routes.
  const redirect = await page.request.get("/dashboard", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, "redirect to sign-in");
  const unauthorized = await page.request.get("/api/astra/transfers");
  expect(unauthorized.status()).toBe(401);
  expectSecurityHeaders(unauthorized, "401 from /api/astra");
  expectSecurityHeaders(await page.request.get("/api/auth/session"), "/api/auth/session");
  // The webhook receiver sets its own (the proxy does not run there; see proxy.ts).
  const webhook = await page.request.post("/api/webhooks/astra", { data: "{}" });
  expect(webhook.status()).toBe(401);
  expectSecurityHeaders(webhook, "webhook receiver");
});

test("signed-in pages carry the nonce on every script, and their scripts run under the policy", async ({
  page,
  signIn,
}) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  await signIn.asDemoUser();
  await expect(page).toHaveURL(/\/dashboard$/);

  for (const path of ["/dashboard", "/routines", "/routines/new", "/transfers"]) await expectNoncedPage(page, path);

  // Hydrated client components work: the routine form's review step exists only in the browser.
  await page.goto("/routines/new");
  await fillRoutine(page, { name: "Nonce check", amount: "5" });
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByTestId("routine-summary")).toContainText("Move $5.00");
  // Client-side navigation loads further chunks and RSC payloads under the same policy.
  await page.getByRole("link", { name: "Transfers", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

/** The emulator's own page policy: nothing but the page's nonce'd style and script, forms to itself (and where said). */
function expectEmulatorPagePolicy(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{16,}'; script-src 'nonce-/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("base-uri 'none'");
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  return csp;
}

test.describe("the emulator's pages", { tag: EMULATOR_ONLY }, () => {
  test("carry their policy on the emulator's port and under /emulator", async ({ page }) => {
    const authorize = `/login/oauth/authorize?${new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: `${APP_URL}/api/auth/callback/astra`,
      response_type: "code",
    })}`;
    const modulePolicy = expectEmulatorPagePolicy(await page.request.get(`${EMULATOR_URL}${authorize}`), "module page");
    // Its forms end in a redirect back to the app, which browsers check against form-action.
    expect(modulePolicy).toContain(`form-action 'self' ${APP_URL};`);
    const loginPolicy = expectEmulatorPagePolicy(await page.request.get(`${EMULATOR_URL}/dashboard/login`), "login");
    expect(loginPolicy).toContain("form-action 'self';");
    expectEmulatorPagePolicy(await page.request.get(`${DEMO_URL}/emulator/dashboard`), "demo dashboard");
  });

  test("run their style and script under it: the dashboard is laid out and its Copy buttons appear", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    await page.goto(`${EMULATOR_URL}/dashboard/login`);
    await page.getByLabel("Email").fill(EMULATOR_DEVELOPER_EMAIL);
    await page.getByLabel("Password").fill(EMULATOR_DEVELOPER_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.goto(`${EMULATOR_URL}/dashboard/apps/${CLIENT_ID}`);
    // The copy script un-hides these; the stylesheet sets the page width.
    await expect(page.getByRole("button", { name: "Copy the Client ID" })).toBeVisible();
    expect(await page.locator("main").evaluate((main) => getComputedStyle(main).maxWidth)).toBe("1024px");

    await page.goto(`${DEMO_URL}/emulator/dashboard`);
    expect(await page.locator("main").evaluate((main) => getComputedStyle(main).maxWidth)).toMatch(/^\d+px$/);
    expect(violations).toEqual([]);
  });
});
