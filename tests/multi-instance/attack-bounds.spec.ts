import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { EMULATOR_CLIENT_ID } from "../../config/emulator-defaults";
import { VISITOR_LIMITS } from "../../packages/astra-emulator/src/routes/control/control-visitors";
import { MAX_ACTIVE_FAULTS } from "../../packages/astra-emulator/src/store/faults";
import { MAX_OPEN_SESSIONS_PER_ADDRESS } from "../../packages/astra-emulator/src/store/module-sessions";
import { tryTheDemo } from "../e2e/demo-visit";
import { MULTI_AUTH_SECRET, PROXY_URL } from "./ports";
import { TEST_CLIENT_IP_HEADER } from "./round-robin-proxy";
import { sharedQuery } from "./shared-db";

// Issue 17: what a stranger can make in the demo is counted in the shared database per address, so alternating
// between the two instances (x-instance) gains an attacker nothing: each cap holds across both.

// The demo's client secret, derived from AUTH_SECRET as lib/env.ts does (server-only there).
const clientSecret = createHmac("sha256", MULTI_AUTH_SECRET).update("astra-emulator-client-secret").digest("base64url");
/** lib/events/stream-slots.ts (a server-only module, so not imported here). */
const MAX_STREAMS_PER_USER = 5;
const BASIC = `Basic ${Buffer.from(`${EMULATOR_CLIENT_ID}:${clientSecret}`).toString("base64")}`;
const REDIRECT_URI = `${PROXY_URL}/api/auth/callback/astra`;
let nextAddress = 1;
/** A /64 no other test used; each request picks a fresh address inside it, as an attacker with a /64 could. */
function attacker() {
  const prefix = `2001:db8:${(nextAddress += 1).toString(16)}:${Date.now().toString(16).slice(-4)}`;
  let host = 0;
  return (instance: number) => ({
    "x-instance": String(instance % 2),
    [TEST_CLIENT_IP_HEADER]: `${prefix}::${(host += 1).toString(16)}`,
  });
}

const authorizePath = (extra: Record<string, string> = {}) =>
  `/emulator/login/oauth/authorize?${new URLSearchParams({ client_id: EMULATOR_CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: "code", state: "s", ...extra })}`;

/** A visitor's one-use sign-in token, as "Try the demo" mints it. */
async function visitorToken(api: APIRequestContext, headers: Record<string, string>) {
  const made = await api.post("/emulator/sandbox/visitors", {
    headers: { ...headers, authorization: BASIC },
    data: { client_ip: headers[TEST_CLIENT_IP_HEADER] },
  });
  expect(made.status(), await made.text()).toBe(201);
  return ((await made.json()) as { sign_in_token: string }).sign_in_token;
}

test("open module sessions per address: the cap holds across both instances", async ({ playwright }) => {
  // In the public demo only a signed-in visitor opens module sessions: each module link their login cookie
  // follows opens one, whichever instance serves it.
  const api = await playwright.request.newContext({ baseURL: PROXY_URL });
  const from = attacker();
  const token = await visitorToken(api, from(0));
  expect((await api.get(authorizePath({ visitor_token: token }), { headers: from(0) })).status()).toBe(200);
  const statuses: number[] = [];
  const served = new Set<string>();
  for (let i = 0; i < MAX_OPEN_SESSIONS_PER_ADDRESS + 2; i += 1) {
    const response = await api.get(authorizePath(), { headers: from(i), maxRedirects: 0 });
    statuses.push(response.status());
    if (response.status() === 200) served.add(response.headers()["x-served-by"] ?? "");
  }
  expect(served).toEqual(new Set(["0", "1"]));
  expect(statuses.filter((status) => status === 200).length).toBeLessThan(MAX_OPEN_SESSIONS_PER_ADDRESS);
  expect(statuses.slice(-2)).toEqual([429, 429]);
  await api.dispose();
});

test("users per address, by Try the demo: the cap holds across both instances", async ({ browser }) => {
  const from = attacker();
  const outcomes: string[] = [];
  for (let i = 0; i <= VISITOR_LIMITS.perIp; i += 1) {
    const context = await browser.newContext({ baseURL: PROXY_URL, extraHTTPHeaders: from(i) });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Try the demo" }).click();
    await page.waitForURL(/\/emulator\/login\/oauth\/authorize|\/signin\?error=/);
    outcomes.push(new URL(page.url()).searchParams.get("error") ?? "module");
    await context.close();
  }
  expect(outcomes).toEqual([...Array<string>(VISITOR_LIMITS.perIp).fill("module"), "DemoRateLimited"]);
});

test("active faults per visitor: the cap holds across both instances", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: PROXY_URL, extraHTTPHeaders: { authorization: BASIC } });
  const from = attacker();
  const made = await api.post("/emulator/sandbox/visitors", {
    headers: from(0),
    data: { client_ip: "2001:db8:ff::1" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { user_id } = (await made.json()) as { user_id: string };
  const fault = { method: "GET", path: "/v1/transfers", status: 503, count: 1 };
  for (let i = 0; i < MAX_ACTIVE_FAULTS; i += 1) {
    const response = await api.post("/emulator/sandbox/faults", {
      headers: { ...from(i), "Sandbox-User-Id": user_id },
      data: fault,
    });
    expect(response.status()).toBe(201);
  }
  for (const instance of [0, 1]) {
    const refused = await api.post("/emulator/sandbox/faults", {
      headers: { ...from(instance), "Sandbox-User-Id": user_id },
      data: fault,
    });
    expect(refused.status()).toBe(409);
  }
  await api.dispose();
});

test("live-update streams per user: the cap holds across both instances", async ({ page }) => {
  await tryTheDemo(page);
  // Streams opened with the page's session cookie, alternating instances and kept open (from Node: a browser
  // allows only six connections to one origin); the page's own live updates may hold one more.
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const open: AbortController[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < 2 * MAX_STREAMS_PER_USER + 1; i += 1) {
    const controller = new AbortController();
    open.push(controller);
    const response = await fetch(`${PROXY_URL}/api/astra/events`, {
      headers: { cookie, "x-instance": String(i % 2) },
      signal: controller.signal,
    });
    statuses.push(response.status);
  }
  for (const controller of open) controller.abort();
  expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(MAX_STREAMS_PER_USER);
  expect(statuses.at(-1)).toBe(429);
  // Closed streams give their slots back: only the page's own stream (if any) still holds one.
  await page.close();
  await expect.poll(openSlots).toBe(0);
});

async function openSlots(): Promise<number> {
  const [row] = await sharedQuery<{ n: number }>("SELECT COUNT(*)::int AS n FROM app_stream_slots");
  return row!.n;
}
