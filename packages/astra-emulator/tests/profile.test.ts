import { beforeEach, describe, expect, it } from "vitest";
import {
  astraErrorBodySchema,
  phoneChangeRequestListSchema,
  routineSchema,
  transferSegmentListSchema,
  userCapabilitiesSchema,
  userSchema,
} from "../src/wire-schemas";
import {
  createTestEmulator,
  createTestUser,
  DEFAULT_APP,
  getWithToken,
  sendJson,
  tokenFor,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const DAY = 86_400_000;

async function capabilities(userId: string, token: string) {
  const response = await getWithToken(sandbox.app, `/v1/users/${userId}/capabilities`, token);
  expect(response.status).toBe(200);
  const body = userCapabilitiesSchema.parse(await response.json());
  return Object.fromEntries(body.capabilities.map((capability) => [capability.name, capability.enabled]));
}

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return astraErrorBodySchema.parse(await response.json());
}

describe("PATCH /v1/users/{user_id}", () => {
  it("changes the email, returns the user and records user_updated", async () => {
    const { user, token } = await createTestUser(sandbox);
    const response = await sendJson(sandbox.app, "PATCH", `/v1/users/${user.id}`, token, { email: "new@example.com" });
    expect(response.status).toBe(200);
    expect(userSchema.parse(await response.json()).email).toBe("new@example.com");
    expect((await sandbox.store.users.findById(user.id))?.email).toBe("new@example.com");
    const events = await sandbox.store.webhooks.listForClient(DEFAULT_APP.clientId, {
      page: 1,
      pageSize: 100,
      offset: 0,
    });
    expect(events.items.filter((event) => event.type === "user_updated" && event.resourceId === user.id)).toHaveLength(
      1,
    );
  });

  it("refuses a bad email with a field error and another user's id with 404", async () => {
    const { user, token } = await createTestUser(sandbox);
    const other = await createTestUser(sandbox);
    const bad = await errorOf(await sendJson(sandbox.app, "PATCH", `/v1/users/${user.id}`, token, { email: "x" }), 400);
    expect(bad.description).toEqual({ email: ["must be a valid email address"] });
    await errorOf(await sendJson(sandbox.app, "PATCH", `/v1/users/${other.user.id}`, token, { email: "a@b.co" }), 404);
    expect((await sandbox.store.users.findById(other.user.id))?.email).toBe(other.user.email);
  });

  it("keeps only the three newest email changes, however many are made", async () => {
    const { user, token } = await createTestUser(sandbox);
    for (const n of [1, 2, 3, 4, 5]) {
      sandbox.clock.advance(1000);
      await sendJson(sandbox.app, "PATCH", `/v1/users/${user.id}`, token, { email: `m${n}@example.com` });
    }
    const kept = await sandbox.store.userChanges.list(user.id, "email");
    expect(kept.map((change) => change.details.email)).toEqual(["m5@example.com", "m4@example.com", "m3@example.com"]);
    expect((await capabilities(user.id, token)).create_routines).toBe(false);
  });

  it("downgrades create_routines after the third email change within 365 days", async () => {
    const { user, token } = await createTestUser(sandbox);
    for (const n of [1, 2]) {
      await sendJson(sandbox.app, "PATCH", `/v1/users/${user.id}`, token, { email: `n${n}@example.com` });
    }
    expect((await capabilities(user.id, token)).create_routines).toBe(true);
    await sendJson(sandbox.app, "PATCH", `/v1/users/${user.id}`, token, { email: "n3@example.com" });
    expect(await capabilities(user.id, token)).toEqual({
      link_accounts: true,
      create_routines: false,
      receive_payments: true,
    });
  });
});

describe("GET /v1/users/{id}/capabilities", () => {
  it("follows the user's status", async () => {
    const approved = await createTestUser(sandbox);
    const pending = await createTestUser(sandbox, { status: "pending" });
    const suspended = await createTestUser(sandbox, { status: "suspended" });
    expect(await capabilities(approved.user.id, approved.token)).toEqual({
      link_accounts: true,
      create_routines: true,
      receive_payments: true,
    });
    expect((await capabilities(pending.user.id, pending.token)).create_routines).toBe(false);
    expect(await capabilities(suspended.user.id, suspended.token)).toEqual({
      link_accounts: false,
      create_routines: false,
      receive_payments: false,
    });
    await errorOf(await getWithToken(sandbox.app, `/v1/users/${pending.user.id}/capabilities`, approved.token), 404);
  });
});

describe("phone number change requests", () => {
  const request = (token: string, phone: string) =>
    sendJson(sandbox.app, "POST", "/v1/request_user_phone_number_update", token, { phone });

  it("takes one per 30 days, lists it, and takes the next after 30 days", async () => {
    const { user } = await createTestUser(sandbox);
    let token = await tokenFor(sandbox, user.id);
    const first = await request(token, "2025550177");
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ user_id: user.id, phone: "+12025550177", status: "pending" });

    const refused = await errorOf(await request(token, "2025550178"), 400);
    expect(refused.description).toBe(
      "Astra allows one phone number change request per 30 days; the next one is possible on 2026-02-14.",
    );
    const list = phoneChangeRequestListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/phone_number_change_requests", token)).json(),
    );
    expect(list.phone_number_change_requests.map((change) => change.phone)).toEqual(["+12025550177"]);

    sandbox.clock.advance(30 * DAY + 1);
    token = await tokenFor(sandbox, user.id);
    expect((await request(token, "2025550178")).status).toBe(201);
  });

  it("refuses the user's own phone and a malformed one", async () => {
    const { user, token } = await createTestUser(sandbox);
    const own = await errorOf(await request(token, user.phone), 400);
    expect(own.description).toEqual({ phone: ["is already this user's phone"] });
    const bad = await errorOf(await request(token, "12345"), 400);
    expect(bad).toMatchObject({ status_code: 400, description: { phone: [expect.any(String)] } });
    expect(await sandbox.store.userChanges.list(user.id, "phone")).toEqual([]);
  });
});

describe("address change requests", () => {
  const request = (token: string, body: unknown) =>
    sendJson(sandbox.app, "POST", "/v1/request_address_change", token, body);

  it("takes two per 120 days", async () => {
    const { token } = await createTestUser(sandbox);
    expect((await request(token, { address1: "1 Main St", city: "Oakland" })).status).toBe(201);
    const second = await request(token, { postal_code: "94607" });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ postal_code: "94607", status: "pending" });
    const refused = await errorOf(await request(token, { city: "Berkeley" }), 400);
    expect(refused.description).toMatch(/^Astra allows two address changes per 120 days; the next one is possible on /);
  });

  it("refuses empty strings, nulls and an empty body, as Astra asks to omit fields instead", async () => {
    const { user, token } = await createTestUser(sandbox);
    expect((await errorOf(await request(token, { city: "" }), 400)).description).toEqual({
      city: ["omit it instead of sending it empty"],
    });
    await errorOf(await request(token, { address2: null }), 400);
    await errorOf(await request(token, {}), 400);
    expect(await sandbox.store.userChanges.list(user.id, "address")).toEqual([]);
  });
});

describe("GET /v1/transfers/{id}/segments", () => {
  it("lists an ACH transfer's debit and credit legs", async () => {
    const { token, accountIds } = await createTestUser(sandbox);
    const [source, destination] = accountIds as [string, string];
    const created = await sendJson(sandbox.app, "POST", "/v1/routines", token, {
      type: "one-time",
      name: "Segments",
      payment_type: "ach",
      source_id: source,
      destination_id: destination,
      amount: 12.5,
    });
    const routine = routineSchema.parse(await created.json());
    const transfers = (await (
      await getWithToken(sandbox.app, `/v1/routines/${routine.id}/transfers`, token)
    ).json()) as {
      transfers: { id: string }[];
    };
    const transferId = transfers.transfers[0]!.id;
    const response = await getWithToken(sandbox.app, `/v1/transfers/${transferId}/segments`, token);
    const body = transferSegmentListSchema.parse(await response.json());
    expect(body.segments).toMatchObject([
      { payment_type: "ach", direction: "debit", account_id: source, amount: 12.5 },
      { payment_type: "ach", direction: "credit", account_id: destination, amount: 12.5 },
    ]);
    await errorOf(await getWithToken(sandbox.app, "/v1/transfers/nope/segments", token), 404);
  });
});

describe("paths the emulator does not emulate", () => {
  it.each([
    ["POST", "/v1/accounts/processor_token"],
    ["POST", "/v1/routines/book"],
    ["GET", "/v1/payment_instruments"],
  ])("answers %s %s, an Astra operation, with 501 saying so, never 405", async (method, path) => {
    const { token } = await createTestUser(sandbox);
    const body = await errorOf(
      await sendJson(sandbox.app, method, path, token, method === "GET" ? undefined : {}),
      501,
    );
    expect(body.description).toContain("is an Astra operation the emulator does not emulate");
  });

  it("answers an undocumented or retired path with 404 saying it is not emulated", async () => {
    const { token } = await createTestUser(sandbox);
    const body = await errorOf(await getWithToken(sandbox.app, "/v1/transactions", token), 404);
    expect(body.description).toBe(
      "GET /v1/transactions is no Astra operation the emulator knows, so it is not emulated.",
    );
  });

  it("keeps 405 for a wrong method on an emulated path", async () => {
    const { token } = await createTestUser(sandbox);
    const response = await sendJson(sandbox.app, "POST", "/v1/routines/some-id", token, {});
    expect(response.status).toBe(405);
  });
});
