import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { EMULATOR_CLIENT_ID } from "../../config/emulator-defaults";
import { tryTheDemo } from "../e2e/demo-visit";
import { PROXY_URL } from "./ports";

// Issue #17's attacker, anonymous, against the production demo build on two instances: a visitor's identity is
// the one-use token "Try the demo" gave their browser, so knowing a phone number, replaying a used sign-in link
// or using the seed user and the test-user form gets no one in. Each visitor comes from an address of their own
// (CLIENT_IP_HEADER, instances.ts), so the per-address limit on new visitors never trips between tests.

const MODULE = "/emulator/login/oauth/authorize";
const SEED_USER_PHONE = "2025550123";
let nextAddress = 1;

async function newVisitorContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.setExtraHTTPHeaders({ "x-test-client-ip": `198.51.100.${nextAddress++}` });
  return context;
}

/** A victim presses Try the demo; returns their phone and the module URL their browser opened first. */
async function victimSignsIn(browser: Browser) {
  const context = await newVisitorContext(browser);
  const page = await context.newPage();
  const moduleUrls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === MODULE) moduleUrls.push(request.url());
  });
  const signedInAs = await tryTheDemo(page);
  const phone = (/\((\d{3})\) (\d{3})-(\d{4})/.exec(signedInAs) ?? []).slice(1).join("");
  expect(phone).toMatch(/^\d{10}$/);
  const firstModuleUrl = moduleUrls[0] ?? "";
  expect(firstModuleUrl).not.toBe("");
  return { context, page, phone, firstModuleUrl };
}

const moduleUrl = (extra: Record<string, string> = {}) =>
  `${MODULE}?${new URLSearchParams({
    client_id: EMULATOR_CLIENT_ID,
    redirect_uri: `${PROXY_URL}/api/auth/callback/astra`,
    response_type: "code",
    state: "attacker",
    ...extra,
  })}`;

const heading = async (page: Page) => (await page.getByRole("heading", { level: 1 }).textContent())?.trim();

/** Walks the module's phone and code steps for `phone` with the sandbox code; returns the last answer. */
async function probePhone(request: APIRequestContext, phone: string) {
  const start = await request.get(moduleUrl());
  const sessionId = /name="session_id" value="([^"]+)"/.exec(await start.text())?.[1] ?? "";
  await request.post(`${MODULE}/phone`, { form: { session_id: sessionId, phone } });
  const answer = await request.post(`${MODULE}/code`, { form: { session_id: sessionId, code: "123456" } });
  const body = await answer.text();
  return { status: answer.status(), title: /<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? "" };
}

test("(a) knowing a visitor's phone and the sandbox code does not sign the attacker in as them", async ({
  browser,
}) => {
  const victim = await victimSignsIn(browser);
  const attacker = await newVisitorContext(browser);
  const page = await attacker.newPage();
  const response = await page.goto(moduleUrl({ phone: victim.phone }));
  expect(response?.status()).toBe(403);
  await expect(page.getByLabel("Mobile number")).toHaveCount(0);
  expect(await heading(page)).toBe("Start from Try the demo");
  const code = await probePhone(attacker.request, victim.phone);
  expect(code.status).toBe(403);
  await attacker.close();
  await victim.context.close();
});

test("(b) a sign-in link replayed after its visitor used it is refused", async ({ browser }) => {
  const victim = await victimSignsIn(browser);
  const attacker = await newVisitorContext(browser);
  const page = await attacker.newPage();
  const response = await page.goto(victim.firstModuleUrl);
  expect(response?.status()).toBe(403);
  expect(await heading(page)).toBe("Start from Try the demo");
  await expect(page.getByRole("button", { name: "Authorize" })).toHaveCount(0);
  await expect(page.getByLabel("Mobile number")).toHaveCount(0);
  await attacker.close();
  await victim.context.close();
});

test("(c) the module answers a visitor's phone, the seed user's and an unused one alike: no phone oracle", async ({
  browser,
}) => {
  const victim = await victimSignsIn(browser);
  const attacker = await newVisitorContext(browser);
  const probes = [];
  for (const phone of [victim.phone, SEED_USER_PHONE, "2025550188", "4155550777"]) {
    probes.push(await probePhone(attacker.request, phone));
  }
  expect(probes).toEqual(probes.map(() => ({ status: 403, title: "Start from Try the demo" })));
  await attacker.close();
  await victim.context.close();
});

test("(d) neither Sign in with Astra nor the seed user is reachable", async ({ browser }) => {
  const attacker = await newVisitorContext(browser);
  const page = await attacker.newPage();
  for (const path of ["/", "/signin"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Try the demo" })).toBeVisible();
    await expect(page.getByRole("button", { name: /sign in with astra/i })).toHaveCount(0);
    await expect(page.getByText(/555-0123|2025550123/)).toHaveCount(0);
  }
  // Auth.js's own sign-in endpoint still starts the OAuth flow, which the module then refuses.
  const { csrfToken } = (await (await attacker.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const started = await attacker.request.post("/api/auth/signin/astra", {
    form: { csrfToken, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  const location = started.headers()["location"] ?? "";
  expect(new URL(location, PROXY_URL).pathname).toBe(MODULE);
  const response = await page.goto(location);
  expect(response?.status()).toBe(403);
  await expect(page.getByLabel("Mobile number")).toHaveCount(0);
  const seed = await page.goto(moduleUrl({ phone: SEED_USER_PHONE, phone_read_only: "true" }));
  expect(seed?.status()).toBe(403);
  await attacker.close();
});

test("(e) the test-user form is refused", async ({ browser }) => {
  const attacker = await newVisitorContext(browser);
  const page = await attacker.newPage();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Create a test user" })).toHaveCount(0);
  const response = await page.goto("/test-user");
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel("First name")).toHaveCount(0);
  await attacker.close();
});
