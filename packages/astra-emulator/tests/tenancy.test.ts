// Two developer apps on one emulator: whatever one does with the control API (advance or reset its clock,
// inject faults) leaves the other's tokens, routines, clock and requests alone.
import { beforeEach, describe, expect, it } from "vitest";
import { createAppClocks } from "../src/lib/clock";
import { runDueWork } from "../src/lib/due-work";
import {
  authorizeUrl,
  basicAuth,
  createTestEmulator,
  createTestUser,
  DEFAULT_APP,
  exchangeCode,
  getAuthorizationCode,
  getWithToken,
  postForm,
  REDIRECT_URI,
  routineBody,
  sendJson,
  sessionIdFrom,
  type TestEmulator,
} from "./helpers";

const OTHER = { clientId: "other_app", clientSecret: "other_app_secret" };
const otherAuth = basicAuth(OTHER.clientId, OTHER.clientSecret);
const HOUR_MS = 3_600_000;

let sandbox: TestEmulator;

beforeEach(async () => {
  sandbox = createTestEmulator();
  await sandbox.store.apps.create(
    { ...OTHER, name: "Other app", redirectUris: [REDIRECT_URI], webhookUrl: null },
    sandbox.clock.now(),
  );
});

const control = (method: string, path: string, auth: string, body?: unknown) =>
  sandbox.app.request(path, {
    method,
    headers: { Authorization: auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A token of the other app, through its own module run and code exchange. */
async function otherToken(): Promise<string> {
  const code = await getAuthorizationCode(sandbox.app, { query: { client_id: OTHER.clientId }, phone: "2025550190" });
  const response = await exchangeCode(sandbox.app, code, REDIRECT_URI, otherAuth);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const offsetOf = async (auth: string) =>
  ((await (await control("GET", "/sandbox/clock", auth)).json()) as { offset_ms: number }).offset_ms;

async function weeklyRoutine(token: string, source: string, destination: string): Promise<string> {
  const body = routineBody(source, destination, { name: "Weekly", amount: 10 });
  const response = await sendJson(sandbox.app, "POST", "/v1/routines", token, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function transferCount(token: string, routineId: string): Promise<number> {
  const response = await getWithToken(sandbox.app, `/v1/routines/${routineId}/transfers`, token);
  return ((await response.json()) as { count: number }).count;
}

describe("one app's clock", () => {
  it("moves only that app: the other app's tokens stay valid and its clock stays put", async () => {
    const mine = await createTestUser(sandbox);
    const theirs = await otherToken();
    expect((await control("POST", "/sandbox/clock/advance", otherAuth, { hours: 3 })).status).toBe(200);

    expect(await offsetOf(otherAuth)).toBe(3 * HOUR_MS);
    expect(await offsetOf(basicAuth())).toBe(0);
    expect((await getWithToken(sandbox.app, "/v1/user", mine.token)).status).toBe(200);
    expect((await getWithToken(sandbox.app, "/v1/user", theirs)).status).toBe(401);
  });

  it("runs only that app's routines, both when advancing and in the background work", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routineId = await weeklyRoutine(token, checking, savings);
    const before = await transferCount(token, routineId);

    await control("POST", "/sandbox/clock/advance", otherAuth, { days: 8 });
    await runDueWork(sandbox.store, createAppClocks(sandbox.clock, sandbox.store.appClocks));
    expect(await transferCount(token, routineId)).toBe(before);

    const own = await control("POST", "/sandbox/clock/advance", basicAuth(), { days: 8 });
    expect(await own.json()).toMatchObject({ transfers_created: 1 });
  });

  it("resets only that app's clock and data", async () => {
    const mine = await createTestUser(sandbox);
    await control("POST", "/sandbox/clock/advance", basicAuth(), { minutes: 30 });
    await otherToken();
    expect((await control("POST", "/sandbox/reset", otherAuth)).status).toBe(200);

    expect(await offsetOf(basicAuth())).toBe(30 * 60_000);
    expect((await getWithToken(sandbox.app, "/v1/user", mine.token)).status).toBe(200);
  });
});

describe("one app's faults", () => {
  beforeEach(async () => {
    const response = await control("POST", "/sandbox/faults", otherAuth, {
      method: "*",
      path: "/*",
      status: 503,
      count: 50,
    });
    expect(response.status).toBe(201);
  });

  it("never hit the other app's API calls", async () => {
    const mine = await createTestUser(sandbox);
    expect((await getWithToken(sandbox.app, "/v1/user", mine.token)).status).toBe(200);
    const intent = await sandbox.app.request("/v1/user_intent/none", { headers: { Authorization: basicAuth() } });
    expect(intent.status).toBe(404);
  });

  it("never hit the other app's module pages, GET or POST", async () => {
    const start = await sandbox.app.request(authorizeUrl());
    expect(start.status).toBe(200);
    const session_id = sessionIdFrom(await start.text());
    expect(
      (await postForm(sandbox.app, "/login/oauth/authorize/phone", { session_id, phone: "2025550160" })).status,
    ).toBe(200);
  });

  it("never hit requests that name no app, such as the dashboard login", async () => {
    expect((await sandbox.app.request("/dashboard/login")).status).toBe(200);
    const login = await postForm(sandbox.app, "/dashboard/login", {
      email: "nobody@example.com",
      password: "wrong password",
    });
    expect(login.status).toBe(400);
  });

  it("still hit the app that set them, including its module pages", async () => {
    const page = await sandbox.app.request(authorizeUrl({ client_id: OTHER.clientId }));
    expect(page.status).toBe(503);
    const intent = await sandbox.app.request("/v1/user_intent/none", { headers: { Authorization: otherAuth } });
    expect(intent.status).toBe(503);
    expect(DEFAULT_APP.clientId).not.toBe(OTHER.clientId);
  });
});
