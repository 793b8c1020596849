import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { accountListSchema, astraErrorBodySchema } from "../src/wire-schemas";
import { createTestStore } from "./support/test-store";
import {
  basicAuth,
  createTestEmulator,
  DEFAULT_APP,
  SEED_USER_PHONE,
  getWithToken,
  refresh,
  setWebhookUrl,
  signIn,
  startWebhookReceiver,
  type TestEmulator,
} from "./helpers";

const DAY_MS = 86_400_000;

let sandbox: TestEmulator;
let seedUserId: string;

function control(path: string, init: { method?: string; body?: unknown; auth?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (init.auth !== null) headers.Authorization = init.auth ?? basicAuth();
  return sandbox.app.request(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

const post = (path: string, body?: unknown) => control(path, { method: "POST", body });

async function expectError(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  return astraErrorBodySchema.parse(await response.json());
}

async function addOtherApp() {
  await sandbox.store.apps.create(
    { clientId: "other_app", clientSecret: "other_secret", name: "Other", redirectUris: [] },
    sandbox.clock.now(),
  );
  return basicAuth("other_app", "other_secret");
}

beforeEach(async () => {
  sandbox = createTestEmulator();
  await setWebhookUrl(sandbox, null);
  const user = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
  if (!user) throw new Error("seeded user missing");
  seedUserId = user.id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("control API authentication", () => {
  it("answers /sandbox/health without credentials", async () => {
    const response = await control("/sandbox/health", { auth: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it.each([
    ["GET", "/sandbox/clock"],
    ["POST", "/sandbox/reset"],
    ["POST", "/sandbox/clock/advance"],
    ["GET", "/sandbox/users?phone=2025550123"],
    ["POST", "/sandbox/users/x/status"],
    ["POST", "/sandbox/users/x/expire-access-token"],
    ["POST", "/sandbox/users/x/expire-refresh-tokens"],
    ["GET", "/sandbox/users/x/token-grants"],
    ["GET", "/sandbox/faults"],
    ["POST", "/sandbox/faults"],
    ["DELETE", "/sandbox/faults"],
    ["GET", "/sandbox/webhooks"],
    ["POST", "/sandbox/webhooks/x/replay"],
  ])("%s %s answers 401 without client Basic auth or with a wrong secret", async (method, path) => {
    const missing = await control(path, { method, auth: null });
    expect(missing.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect((await expectError(missing, 401)).name).toBe("Unauthorized");
    await expectError(await control(path, { method, auth: basicAuth(undefined, "wrong") }), 401);
  });

  it("hides other apps' users behind 404", async () => {
    const other = await addOtherApp();
    for (const [method, path, body] of [
      ["POST", `/sandbox/users/${seedUserId}/status`, { status: "suspended" }],
      ["POST", `/sandbox/users/${seedUserId}/expire-access-token`, undefined],
      ["POST", `/sandbox/users/${seedUserId}/expire-refresh-tokens`, undefined],
      ["GET", `/sandbox/users/${seedUserId}/token-grants`, undefined],
      ["GET", `/sandbox/users?phone=${SEED_USER_PHONE}`, undefined],
    ] as const) {
      await expectError(await control(path, { method, body, auth: other }), 404);
    }
    const user = await sandbox.store.users.findById(seedUserId);
    expect(user?.status).toBe("approved");
  });
});

describe("the sandbox clock", () => {
  it("reports now, the offset and today's date in Los Angeles", async () => {
    const response = await control("/sandbox/clock");
    expect(await response.json()).toEqual({ now: "2026-01-15T17:00:00.000Z", offset_ms: 0, today: "2026-01-15" });
  });

  it("advances by days, hours and minutes and runs the due work at the new time", async () => {
    const resolveDue = vi.spyOn(sandbox.store.userIntents, "resolveDue");
    const runDue = vi.spyOn(sandbox.store.scheduler, "runDue");
    const response = await post("/sandbox/clock/advance", { days: 1, hours: 7, minutes: 30 });
    expect(response.status).toBe(200);
    const expected = new Date("2026-01-17T00:30:00.000Z");
    expect(await response.json()).toMatchObject({
      now: expected.toISOString(),
      offset_ms: DAY_MS + 7.5 * 3_600_000,
      today: "2026-01-16",
      advanced_ms: DAY_MS + 7.5 * 3_600_000,
      transfers_created: expect.any(Number),
      transfers_settled: expect.any(Number),
      webhooks_attempted: 0,
    });
    // Only the calling app's work runs, at its clock, for all of its users (no user id).
    expect(resolveDue).toHaveBeenCalledWith(expected, DEFAULT_APP.clientId, null);
    expect(runDue).toHaveBeenCalledWith(expected, DEFAULT_APP.clientId, null);
    expect(resolveDue.mock.invocationCallOrder[0]).toBeLessThan(runDue.mock.invocationCallOrder[0] ?? 0);
  });

  it("delivers due webhooks as part of an advance", async () => {
    const receiver = await startWebhookReceiver();
    try {
      await setWebhookUrl(sandbox, receiver.url);
      await post(`/sandbox/users/${seedUserId}/status`, { status: "suspended" });
      const body = await (await post("/sandbox/clock/advance", { minutes: 1 })).json();
      expect(body).toMatchObject({ webhooks_attempted: 1, webhooks_delivered: 1 });
      expect(JSON.parse(receiver.received[0]?.body ?? "{}")).toMatchObject({ webhook_type: "user_updated" });
    } finally {
      await receiver.close();
    }
  });

  it.each([
    [{}, "body"],
    [{ days: -1 }, "days"],
    [{ days: 367 }, "days"],
    [{ hours: 1.5 }, "hours"],
    [{ minutes: "5" }, "minutes"],
    [{ days: 1, weeks: 1 }, "body"],
  ])("rejects %j with a 400 field map naming %s", async (body, field) => {
    const error = await expectError(await post("/sandbox/clock/advance", body), 400);
    expect(error.description).toHaveProperty(field);
    expect(
      await (await sandbox.app.request("/sandbox/clock", { headers: { Authorization: basicAuth() } })).json(),
    ).toMatchObject({
      offset_ms: 0,
    });
  });

  it("rejects a body that is not JSON", async () => {
    const error = await expectError(await post("/sandbox/clock/advance", "{days: 1"), 400);
    expect(error.description).toEqual({ body: ["must be valid JSON"] });
  });
});

describe("tokens", () => {
  it("expires the user's access token now, so the next Bearer call is a 401", async () => {
    const { access_token } = await signIn(sandbox.app);
    expect((await getWithToken(sandbox.app, "/v1/user", access_token)).status).toBe(200);
    const response = await post(`/sandbox/users/${seedUserId}/expire-access-token`);
    expect(await response.json()).toEqual({ expired: 1 });
    const error = await expectError(await getWithToken(sandbox.app, "/v1/user", access_token), 401);
    expect(error.description).toMatch(/expired/);
  });

  it("expires every refresh token of the user, so refreshing fails with invalid_grant", async () => {
    const first = await signIn(sandbox.app);
    const second = await signIn(sandbox.app);
    const response = await post(`/sandbox/users/${seedUserId}/expire-refresh-tokens`);
    expect(await response.json()).toEqual({ expired: 2 });
    for (const token of [first.refresh_token, second.refresh_token]) {
      const refreshed = await refresh(sandbox.app, token);
      expect(refreshed.status).toBe(400);
      expect(await refreshed.json()).toMatchObject({ error: "invalid_grant" });
    }
  });

  it("counts the token endpoint's grants per type", async () => {
    const grants = async () => (await control(`/sandbox/users/${seedUserId}/token-grants`)).json();
    expect(await grants()).toEqual({ authorization_code: 0, refresh_token: 0 });
    const { refresh_token } = await signIn(sandbox.app);
    const refreshed = await (await refresh(sandbox.app, refresh_token)).json();
    await refresh(sandbox.app, refreshed.refresh_token);
    await refresh(sandbox.app, "not-a-token");
    expect(await grants()).toEqual({ authorization_code: 1, refresh_token: 2 });
  });
});

describe("users", () => {
  it("finds a user of this app by phone, in any common format", async () => {
    const response = await control("/sandbox/users?phone=%2B1%20(202)%20555-0123");
    expect(await response.json()).toEqual({ id: seedUserId, phone: SEED_USER_PHONE, status: "approved" });
    await expectError(await control("/sandbox/users?phone=2025550199"), 404);
    const error = await expectError(await control("/sandbox/users?phone=12"), 400);
    expect(error.description).toHaveProperty("phone");
  });

  it("sets a status, records user_updated and re-checks the user's routines", async () => {
    const refreshForUser = vi.spyOn(sandbox.store.routines, "refreshForUser");
    const response = await post(`/sandbox/users/${seedUserId}/status`, { status: "suspended" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: seedUserId, status: "suspended", previous_status: "approved" });
    expect((await sandbox.store.users.findById(seedUserId))?.status).toBe("suspended");
    expect(refreshForUser).toHaveBeenCalledWith(seedUserId, sandbox.clock.now());
    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks).toEqual([
      expect.objectContaining({ webhook_type: "user_updated", resource_id: seedUserId, user_id: seedUserId }),
    ]);
  });

  it("rejects an unknown status with a field map, and unknown users with 404", async () => {
    const error = await expectError(await post(`/sandbox/users/${seedUserId}/status`, { status: "frozen" }), 400);
    expect(error.description).toHaveProperty("status");
    await expectError(await post("/sandbox/users/nobody/status", { status: "approved" }), 404);
  });
});

describe("POST /sandbox/reset", () => {
  it("wipes the app's data, re-seeds the seed user with two accounts and resets the clock", async () => {
    const stranger = await signIn(sandbox.app, { phone: "2025550177" });
    const demo = await signIn(sandbox.app);
    await post(`/sandbox/users/${seedUserId}/status`, { status: "suspended" });
    await post("/sandbox/faults", { method: "GET", path: "/v1/nothing", status: 500, count: 5 });
    await post("/sandbox/clock/advance", { days: 3 });
    const other = await addOtherApp();
    await control("/sandbox/faults", {
      method: "POST",
      body: { method: "*", path: "/v2*", status: 503, count: 1 },
      auth: other,
    });

    const response = await post("/sandbox/reset");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });

    expect(await (await control("/sandbox/clock")).json()).toMatchObject({ offset_ms: 0 });
    await expectError(await control("/sandbox/users?phone=2025550177"), 404);
    const seeded = await (await control(`/sandbox/users?phone=${SEED_USER_PHONE}`)).json();
    expect(seeded).toMatchObject({ status: "approved" });
    expect(seeded.id).not.toBe(seedUserId);
    for (const token of [stranger.access_token, demo.access_token]) {
      await expectError(await getWithToken(sandbox.app, "/v1/user", token), 401);
    }
    expect(await (await control("/sandbox/webhooks")).json()).toMatchObject({ count: 0 });
    expect(await (await control("/sandbox/faults")).json()).toEqual({ faults: [] });
    expect((await (await control("/sandbox/faults", { auth: other })).json()).faults).toHaveLength(1);

    const { access_token } = await signIn(sandbox.app);
    const accounts = accountListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/accounts", access_token)).json(),
    );
    expect(accounts.accounts.map((account) => account.mask).sort()).toEqual(["4417", "9021"]);
  });

  it("rejects a body with fields", async () => {
    await expectError(await post("/sandbox/reset", { everything: true }), 400);
  });
});

describe("POST /sandbox/reset and Idempotency-Key", () => {
  it("forgets the app's idempotency keys, so a key reused after a reset makes a new object", async () => {
    const { createApp } = await import("../src/app");
    const { DEFAULT_APP } = await import("../src/store");
    const { createManualClock } = await import("../src/lib/clock");
    const app = createApp({
      store: createTestStore(),
      clock: createManualClock(new Date("2026-12-01T18:00:00Z")),
    });
    const basic = `Basic ${Buffer.from(`${DEFAULT_APP.clientId}:${DEFAULT_APP.clientSecret}`).toString("base64")}`;
    const intent = (email: string) =>
      app.request("/v1/user_intent", {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/json", "idempotency-key": "reset-key-1" },
        body: JSON.stringify({
          email,
          phone: "+12025550161",
          first_name: "Reset",
          last_name: "Test",
          address1: "1 Main St",
          address2: "",
          city: "Oakland",
          state: "CA",
          postal_code: "94607",
          date_of_birth: "1990-01-01",
          ssn: "9999",
          ip_address: "203.0.113.7",
        }),
      });

    expect((await intent("first@example.com")).status).toBe(201);
    expect((await intent("second@example.com")).status).toBe(409);
    const reset = await app.request("/sandbox/reset", {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/json" },
      body: "{}",
    });
    expect(reset.status).toBe(200);
    expect((await intent("second@example.com")).status).toBe(201);
  });
});
