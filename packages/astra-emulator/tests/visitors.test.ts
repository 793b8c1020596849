// The hosted demo's visitor scope: every visitor is a user of one shared app, and whatever one visitor does with
// the control API (advance their clock, inject a fault, expire a token, reset) touches only their own user.
import { beforeEach, describe, expect, it } from "vitest";
import { routineSchema, transferListSchema } from "../src/wire-schemas";
import { createApp } from "../src/app";
import { createManualClock } from "../src/lib/clock";
import { formatPhone } from "../src/lib/phone";
import { VISITOR_LIFETIME_MS } from "../src/lib/due-work";
import { SANDBOX_USER_HEADER } from "../src/routes/control/visitor-scope";
import { createStore } from "../src/store";
import { basicAuth, exchangeCode, getAuthorizationCode, getWithToken, sendJson } from "./helpers";

const DAY = 24 * 60 * 60 * 1000;

function createHostedTestEmulator() {
  const store = createStore(":memory:");
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const app = createApp({ store, clock, visitorScope: true });
  return { store, clock, app };
}

let sandbox: ReturnType<typeof createHostedTestEmulator>;
beforeEach(() => {
  sandbox = createHostedTestEmulator();
});

function control(method: string, path: string, userId?: string, body?: unknown) {
  return sandbox.app.request(path, {
    method,
    headers: {
      Authorization: basicAuth(),
      ...(userId ? { [SANDBOX_USER_HEADER]: userId } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const createVisitor = (clientIp = "203.0.113.7") =>
  control("POST", "/sandbox/visitors", undefined, { client_ip: clientIp });

interface VisitorBody {
  user_id: string;
  phone: string;
  sign_in_token: string;
  created_at: string;
  expires_at: string;
}

/** A visitor made by the endpoint, signed in through the module pages by phone (a hosted demo that is not public). */
async function newVisitor(clientIp?: string) {
  const response = await createVisitor(clientIp);
  expect(response.status, await response.clone().text()).toBe(201);
  const visitor = (await response.json()) as VisitorBody;
  // Typed the way a person would, "+1 (1xx) xxx-xxxx": it must still name the visitor (the tests check the user id).
  const code = await getAuthorizationCode(sandbox.app, { phone: `+1 ${formatPhone(visitor.phone)}` });
  const tokens = (await (await exchangeCode(sandbox.app, code)).json()) as { access_token: string };
  const token = tokens.access_token;
  const accounts = (await (await getWithToken(sandbox.app, "/v1/accounts", token)).json()) as {
    accounts: {
      id: string;
      current_balance: number;
      type: string;
      connection_status: string;
      nickname?: string | null;
    }[];
  };
  const [source = "", destination = ""] = accounts.accounts.map((account) => account.id);
  return { ...visitor, token, accounts: accounts.accounts, source, destination };
}

type Visitor = Awaited<ReturnType<typeof newVisitor>>;

async function oneTimeRoutine(visitor: Visitor) {
  const response = await sendJson(sandbox.app, "POST", "/v1/routines", visitor.token, {
    type: "one-time",
    payment_type: "ach",
    name: "Try it",
    source_id: visitor.source,
    destination_id: visitor.destination,
    amount: 25,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return routineSchema.parse(await response.json());
}

async function transferStatuses(visitor: Visitor, routineId: string) {
  const response = await getWithToken(sandbox.app, `/v1/routines/${routineId}/transfers`, visitor.token);
  expect(response.status, await response.clone().text()).toBe(200);
  return transferListSchema.parse(await response.json()).transfers.map((transfer) => transfer.status);
}

const clockOf = async (userId: string) =>
  (await (await control("GET", "/sandbox/clock", userId)).json()) as { now: string; offset_ms: number };

describe("POST /sandbox/visitors", () => {
  it("makes an approved user with linked accounts who, off the public demo, may also sign in by phone", async () => {
    const visitor = await newVisitor();
    expect(visitor.phone).toMatch(/^1\d{9}$/);
    expect(visitor.sign_in_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(visitor.expires_at) - Date.parse(visitor.created_at)).toBe(VISITOR_LIFETIME_MS);
    expect(visitor.accounts).toHaveLength(3);
    expect(visitor.accounts.every((account) => account.current_balance > 0)).toBe(true);
    const me = (await (await getWithToken(sandbox.app, "/v1/user", visitor.token)).json()) as {
      id: string;
      status: string;
    };
    expect(me).toMatchObject({ id: visitor.user_id, status: "approved" });
    // A visitor is a verified user never rejected, whose accounts are connected depository accounts.
    expect(await sandbox.store.users.findById(visitor.user_id)).toMatchObject({
      kycType: "verified",
      userIntentId: null,
      rejectedAtConversion: false,
    });
    for (const account of visitor.accounts) {
      expect(account).toMatchObject({ type: "depository", connection_status: "connected" });
      expect(account.nickname ?? null).toBeNull();
    }
  });

  it("gives every visitor a user of their own", async () => {
    const first = await newVisitor();
    const second = await newVisitor();
    expect(second.user_id).not.toBe(first.user_id);
    expect(second.phone).not.toBe(first.phone);
  });

  it("allows ten per client IP an hour, counted in the store, with Retry-After", async () => {
    for (let n = 0; n < 10; n += 1) expect((await createVisitor("198.51.100.20")).status).toBe(201);
    const refused = await createVisitor("198.51.100.20");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await createVisitor("198.51.100.21")).status).toBe(201);
    // A second emulator on the same store (another instance) sees the same count.
    const other = createApp({ store: sandbox.store, clock: sandbox.clock, visitorScope: true });
    const again = await other.request("/sandbox/visitors", {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: JSON.stringify({ client_ip: "198.51.100.20" }),
    });
    expect(again.status).toBe(429);
    sandbox.clock.advance(60 * 60 * 1000 + 1);
    expect((await createVisitor("198.51.100.20")).status).toBe(201);
  });

  it("refuses parallel requests past the limit", async () => {
    const statuses = await Promise.all(Array.from({ length: 14 }, () => createVisitor("198.51.100.30")));
    expect(statuses.filter((response) => response.status === 201)).toHaveLength(10);
    expect(statuses.filter((response) => response.status === 429)).toHaveLength(4);
  });

  it("answers 400 with the field for a bad client_ip, and 401 without the app's secret", async () => {
    const bad = await createVisitor("not-an-ip");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("client_ip");
    const anonymous = await sandbox.app.request("/sandbox/visitors", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ client_ip: "203.0.113.7" }),
    });
    expect(anonymous.status).toBe(401);
  });

  it("does not exist on the standalone emulator", async () => {
    const standalone = createApp({ store: createStore(":memory:") });
    const response = await standalone.request("/sandbox/visitors", {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: JSON.stringify({ client_ip: "203.0.113.7" }),
    });
    expect(response.status).toBe(404);
  });

  it("deletes visitors and all their data 24 hours after creation, and no one else", async () => {
    const old = await newVisitor();
    await oneTimeRoutine(old);
    sandbox.clock.advance(VISITOR_LIFETIME_MS - 60_000);
    const young = await newVisitor();
    sandbox.clock.advance(60_000);
    expect(
      await sandbox.store.visitors.deleteCreatedBefore(new Date(sandbox.clock.now().getTime() - VISITOR_LIFETIME_MS)),
    ).toBe(1);
    expect(await sandbox.store.users.findById(old.user_id)).toBeNull();
    expect((await getWithToken(sandbox.app, "/v1/user", old.token)).status).toBe(401);
    expect((await getWithToken(sandbox.app, "/v1/user", young.token)).status).toBe(200);
  });
});

describe("POST /sandbox/maintenance (the app's daily cron)", () => {
  it("runs due work and deletes the visitors older than 24 hours", async () => {
    const visitor = await newVisitor();
    const routine = await oneTimeRoutine(visitor);
    sandbox.clock.advance(5 * DAY);
    const kept = await newVisitor();
    const response = await control("POST", "/sandbox/maintenance", undefined, {});
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ due_work_ran: true, visitors_deleted: 1 });
    expect(await sandbox.store.users.findById(visitor.user_id)).toBeNull();
    expect(await sandbox.store.users.findById(kept.user_id)).not.toBeNull();
    expect(routine.id).toBeTruthy();
    // Within the lease's spacing a second call does no work.
    const again = await control("POST", "/sandbox/maintenance", undefined, {});
    expect(await again.json()).toEqual({ due_work_ran: false, visitors_deleted: 0 });
  });
});

describe("visitor scope: one visitor's control calls never touch another", () => {
  it("advancing one visitor's clock 5 days settles only their transfers", async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    const aliceRoutine = await oneTimeRoutine(alice);
    const bobRoutine = await oneTimeRoutine(bob);
    expect(await transferStatuses(alice, aliceRoutine.id)).toEqual(["pending"]);

    const advanced = await control("POST", "/sandbox/clock/advance", alice.user_id, { days: 5 });
    expect(advanced.status, await advanced.clone().text()).toBe(200);
    expect(await advanced.json()).toMatchObject({ offset_ms: 5 * DAY, transfers_settled: 1 });

    expect((await clockOf(alice.user_id)).offset_ms).toBe(5 * DAY);
    expect((await clockOf(bob.user_id)).offset_ms).toBe(0);
    // Alice's access token lives on her clock: two hours are long gone there; she refreshes as the app would.
    expect((await getWithToken(sandbox.app, "/v1/user", alice.token)).status).toBe(401);
    expect(await transferStatuses(bob, bobRoutine.id)).toEqual(["pending"]);

    // The background pass (runDueWorkIfFree/runDueWork) runs Alice at her time and Bob at his: still nothing for Bob.
    const { runDueWorkIfFree } = await import("../src/lib/due-work");
    expect(await runDueWorkIfFree(sandbox.store, sandbox.clock.now(), { visitorScope: true })).toBe(true);
    expect(await transferStatuses(bob, bobRoutine.id)).toEqual(["pending"]);
  });

  it("tokens issued after a visitor's advance are valid on their clock", async () => {
    const alice = await newVisitor();
    await control("POST", "/sandbox/clock/advance", alice.user_id, { days: 5 });
    const code = await getAuthorizationCode(sandbox.app, { phone: alice.phone });
    const exchanged = await exchangeCode(sandbox.app, code);
    expect(exchanged.status).toBe(200);
    const { access_token: token } = (await exchanged.json()) as { access_token: string };
    expect((await getWithToken(sandbox.app, "/v1/user", token)).status).toBe(200);
  });

  it("a fault set for one visitor hits only that visitor's API calls", async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    const fault = await control("POST", "/sandbox/faults", alice.user_id, {
      method: "*",
      path: "/v1/*",
      status: 503,
      count: 5,
    });
    expect(fault.status, await fault.clone().text()).toBe(201);
    expect((await getWithToken(sandbox.app, "/v1/accounts", bob.token)).status).toBe(200);
    expect((await getWithToken(sandbox.app, "/v1/user", bob.token)).status).toBe(200);
    expect((await getWithToken(sandbox.app, "/v1/accounts", alice.token)).status).toBe(503);
    // Requests that name no user (the token endpoint with the app's keys) are never hit in visitor scope.
    expect((await exchangeCode(sandbox.app, "unknown-code")).status).toBe(400);

    const bobsFaults = (await (await control("GET", "/sandbox/faults", bob.user_id)).json()) as { faults: unknown[] };
    expect(bobsFaults.faults).toHaveLength(0);
    expect((await (await control("DELETE", "/sandbox/faults", bob.user_id)).json()) as object).toEqual({ cleared: 0 });
    const alicesFaults = (await (await control("GET", "/sandbox/faults", alice.user_id)).json()) as {
      faults: { remaining: number }[];
    };
    expect(alicesFaults.faults.map((entry) => entry.remaining)).toEqual([4]);
  });

  it("expire-access-token acts only for the visitor it names, and only on their own user", async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    const others = await control("POST", `/sandbox/users/${bob.user_id}/expire-access-token`, alice.user_id);
    expect(others.status).toBe(403);
    const unnamed = await control("POST", `/sandbox/users/${bob.user_id}/expire-access-token`);
    expect(unnamed.status).toBe(403);
    expect((await getWithToken(sandbox.app, "/v1/user", bob.token)).status).toBe(200);

    const own = await control("POST", `/sandbox/users/${alice.user_id}/expire-access-token`, alice.user_id);
    expect(await own.json()).toEqual({ expired: 1 });
    expect((await getWithToken(sandbox.app, "/v1/user", alice.token)).status).toBe(401);
    expect((await getWithToken(sandbox.app, "/v1/user", bob.token)).status).toBe(200);
  });

  it("a visitor's reset wipes and re-seeds only their data, and leaves them signed in", async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    const aliceRoutine = await oneTimeRoutine(alice);
    const bobRoutine = await oneTimeRoutine(bob);
    const emailOf = async (visitor: Visitor) =>
      ((await (await getWithToken(sandbox.app, "/v1/user", visitor.token)).json()) as { email: string }).email;
    const aliceEmail = await emailOf(alice);
    for (const visitor of [alice, bob]) {
      const now = sandbox.clock.now();
      await sandbox.store.userChanges.changeEmail(visitor.user_id, "changed@example.com", now);
      await sandbox.store.userChanges.request(visitor.user_id, "phone", { phone: "+14155550123" }, now);
      await sandbox.store.cards.link(
        {
          userId: visitor.user_id,
          firstName: "Test",
          lastName: "Visitor",
          firstSixDigits: "400000",
          lastFourDigits: "0002",
          expirationDate: "08/29",
          cardCompany: "Visa",
          zipCode: "94105",
        },
        now,
      );
    }
    await control("POST", "/sandbox/clock/advance", alice.user_id, { hours: 1 });

    const reset = await control("POST", "/sandbox/reset", alice.user_id, {});
    expect(reset.status, await reset.clone().text()).toBe(200);
    expect((await clockOf(alice.user_id)).offset_ms).toBe(0);
    expect((await getWithToken(sandbox.app, `/v1/routines/${aliceRoutine.id}`, alice.token)).status).toBe(404);
    const accounts = (await (await getWithToken(sandbox.app, "/v1/accounts", alice.token)).json()) as {
      accounts: { id: string }[];
    };
    expect(accounts.accounts).toHaveLength(3);
    expect(accounts.accounts.map((account) => account.id)).not.toContain(alice.source);
    expect(await sandbox.store.userChanges.list(alice.user_id, "phone")).toEqual([]);
    expect(await (await getWithToken(sandbox.app, "/v1/cards", alice.token)).json()).toMatchObject({ count: 0 });
    expect(await emailOf(alice)).toBe(aliceEmail);

    expect((await getWithToken(sandbox.app, `/v1/routines/${bobRoutine.id}`, bob.token)).status).toBe(200);
    expect(await transferStatuses(bob, bobRoutine.id)).toEqual(["pending"]);
    const bobsAccounts = (await (await getWithToken(sandbox.app, "/v1/accounts", bob.token)).json()) as {
      accounts: { id: string }[];
    };
    expect(bobsAccounts.accounts.map((account) => account.id).sort()).toEqual(bob.accounts.map((a) => a.id).sort());
    expect(await sandbox.store.userChanges.list(bob.user_id, "phone")).toHaveLength(1);
    expect(await (await getWithToken(sandbox.app, "/v1/cards", bob.token)).json()).toMatchObject({ count: 1 });
    expect(await emailOf(bob)).toBe("changed@example.com");
  });

  it("refuses the app-wide actions with 403", async () => {
    const alice = await newVisitor();
    const refused: [string, string, unknown?][] = [
      ["POST", "/sandbox/clock/advance", { days: 1 }],
      ["POST", "/sandbox/reset", {}],
      ["POST", "/sandbox/faults", { method: "*", path: "/v1/*", status: 500, count: 1 }],
      ["GET", "/sandbox/faults"],
      ["DELETE", "/sandbox/faults"],
      ["GET", "/sandbox/webhooks"],
    ];
    for (const [method, path, body] of refused) {
      const response = await control(method, path, undefined, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await response.text()).toContain(SANDBOX_USER_HEADER);
    }
    expect((await clockOf(alice.user_id)).offset_ms).toBe(0);
    expect((await getWithToken(sandbox.app, "/v1/user", alice.token)).status).toBe(200);
  });

  it("answers 404 when the header names no user of the app", async () => {
    const response = await control("POST", "/sandbox/clock/advance", "no-such-user", { days: 1 });
    expect(response.status).toBe(404);
  });
});
