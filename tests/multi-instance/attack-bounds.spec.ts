import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { EMULATOR_CLIENT_ID } from "../../config/emulator-defaults";
import { VISITOR_LIMITS } from "../../sandbox/src/routes/control/control-visitors";
import { MAX_ACTIVE_FAULTS } from "../../sandbox/src/store/faults";
import { MAX_OPEN_SESSIONS_PER_ADDRESS } from "../../sandbox/src/store/module-sessions";
import { SignInFlow } from "../e2e/fixtures";
import { MULTI_AUTH_SECRET, PROXY_URL } from "./ports";
import { TEST_CLIENT_IP_HEADER } from "./round-robin-proxy";

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

const authorizePath = () =>
  `/emulator/login/oauth/authorize?${new URLSearchParams({ client_id: EMULATOR_CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: "code", state: "s" })}`;

const sessionIdOf = (html: string) => /name="session_id" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** One module walk with a new test phone up to the profile step; answers the profile step's status. */
async function newUserThroughModule(api: APIRequestContext, headers: Record<string, string>, phone: string) {
  const start = await api.get(authorizePath(), { headers, maxRedirects: 0 });
  expect(start.status(), await start.text()).toBe(200);
  const session_id = sessionIdOf(await start.text());
  const form = (fields: Record<string, string>) => ({ headers, form: { session_id, ...fields }, maxRedirects: 0 });
  expect((await api.post("/emulator/login/oauth/authorize/phone", form({ phone }))).status()).toBe(200);
  expect((await api.post("/emulator/login/oauth/authorize/code", form({ code: "123456" }))).status()).toBe(200);
  const profile = { first_name: "Multi", last_name: "Attacker", email: "attacker@example.com" };
  return (await api.post("/emulator/login/oauth/authorize/profile", form(profile))).status();
}

test("open module sessions per address: the cap holds across both instances", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: PROXY_URL });
  const from = attacker();
  const served = new Set<string>();
  for (let i = 0; i < MAX_OPEN_SESSIONS_PER_ADDRESS; i += 1) {
    const response = await api.get(authorizePath(), { headers: from(i), maxRedirects: 0 });
    expect(response.status()).toBe(200);
    served.add(response.headers()["x-served-by"] ?? "");
  }
  expect(served).toEqual(new Set(["0", "1"]));
  for (const instance of [0, 1]) {
    const refused = await api.get(authorizePath(), { headers: from(instance), maxRedirects: 0 });
    expect(refused.status()).toBe(429);
  }
  await api.dispose();
});

test("users per address, by the module's profile step: the cap holds across both instances", async ({ playwright }) => {
  // A fresh cookie jar per walk, so no login cookie skips the phone step.
  const from = attacker();
  const statuses: number[] = [];
  for (let i = 0; i <= VISITOR_LIMITS.perIp; i += 1) {
    const api = await playwright.request.newContext({ baseURL: PROXY_URL });
    const phone = `20255501${String(40 + i).padStart(2, "0")}`;
    statuses.push(await newUserThroughModule(api, from(i), phone));
    await api.dispose();
  }
  expect(statuses).toEqual([...Array<number>(VISITOR_LIMITS.perIp).fill(200), 429]);
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
  await page.goto("/");
  await new SignInFlow(page).asDemoUser();
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
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
  const client = new pg.Client({ connectionString: process.env.MULTI_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM app_stream_slots");
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
