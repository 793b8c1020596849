import { beforeEach, describe, expect, it } from "vitest";
import {
  astraErrorBodySchema,
  routineListSchema,
  routineSchema,
  transferListSchema,
  type Routine,
} from "../src/wire-schemas";
import {
  createTestEmulator,
  createTestUser,
  eventTypesFor,
  getWithToken,
  routineBody,
  sendJson,
  tokenFor,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  // Thursday 2026-01-15, 09:00 in Los Angeles.
  sandbox = createTestEmulator();
});

const eventTypes = (resourceId: string) => eventTypesFor(sandbox, resourceId);

function oneTimeBody(source: string, destination: string, extra: Record<string, unknown> = {}) {
  return routineBody(source, destination, { type: "one-time", frequency: undefined, ...extra });
}

async function createRoutine(token: string, body: unknown): Promise<Routine> {
  const response = await sendJson(sandbox.app, "POST", "/v1/routines", token, body);
  expect(response.status).toBe(201);
  return routineSchema.parse(await response.json());
}

async function transfersOf(token: string, routineId: string) {
  const response = await getWithToken(sandbox.app, `/v1/routines/${routineId}/transfers`, token);
  expect(response.status).toBe(200);
  return transferListSchema.parse(await response.json());
}

async function expectFields(response: Response): Promise<Record<string, string[]>> {
  expect(response.status).toBe(400);
  const body = astraErrorBodySchema.parse(await response.json());
  if (typeof body.description === "string") throw new Error(`Expected a field map, got "${body.description}"`);
  return body.description;
}

describe("POST /v1/routines", () => {
  it("creates a recurring routine with Astra's defaults, and its first transfer when it starts today", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routine = await createRoutine(token, routineBody(checking, savings, { client_correlation_id: "SAVE0115" }));
    expect(routine).toMatchObject({
      type: "recurring",
      name: "Weekly savings",
      payment_type: "ach",
      source_id: checking,
      destination_id: savings,
      destination_user_id: null,
      amount: 25,
      start_date: "2026-01-15",
      preferred_settlement_speed: "T+2",
      frequency: "weekly",
      client_correlation_id: "SAVE0115",
      active: true,
      status: "active",
      created: "2026-01-15T17:00:00.000000",
    });
    const transfers = await transfersOf(token, routine.id);
    expect(transfers.transfers.map((transfer) => transfer.status)).toEqual(["pending"]);
    expect(await eventTypes(transfers.transfers[0]?.id ?? "")).toEqual(["transfer_created"]);
    expect(await eventTypes(routine.id)).toEqual([]);
  });

  it("runs a one-time routine at once when it starts today, and waits for a future start date", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const now = await createRoutine(token, oneTimeBody(checking, savings, { name: "Now", amount: 10 }));
    expect(now).toMatchObject({ status: "active", frequency: null, start_date: "2026-01-15" });
    expect((await transfersOf(token, now.id)).count).toBe(1);
    const later = await createRoutine(
      token,
      oneTimeBody(checking, savings, { name: "Later", amount: 10, start_date: "2026-01-20" }),
    );
    expect((await transfersOf(token, later.id)).count).toBe(0);
  });

  it("answers every validation problem as a field map", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const other = await createTestUser(sandbox);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ frequency: undefined }, "frequency", /required for recurring/],
      [{ type: "one-time" }, "frequency", /only for recurring/],
      [{ destination_id: checking }, "destination_id", /must differ/],
      [{ start_date: "2026-01-14" }, "start_date", /today .* or later/],
      [{ start_date: "15/01/2026" }, "start_date", /YYYY-MM-DD or a date-time/],
      // 07:59 UTC on the 15th is still the 14th in Los Angeles.
      [{ start_date: "2026-01-15T07:59:00Z" }, "start_date", /today .* or later/],
      [{ payment_type: undefined }, "payment_type", /is required/],
      [{ payment_type: "wire" }, "payment_type", /must be "ach"/],
      [{ amount: 1.234 }, "amount", /2 decimals/],
      [{ amount: 0 }, "amount", /more than \$0/],
      [{ amount: -5 }, "amount", /more than \$0/],
      [{ source_id: other.accountIds[0] }, "source_id", /is not one of this user's accounts/],
      [{ destination_id: "no-such-account" }, "destination_id", /is not one of this user's accounts/],
      [{ name: undefined }, "name", /is required/],
      [{ preferred_settlement_speed: "T+3" }, "preferred_settlement_speed", /./],
    ];
    for (const [change, field, message] of cases) {
      const fields = await expectFields(
        await sendJson(sandbox.app, "POST", "/v1/routines", token, routineBody(checking, savings, change)),
      );
      expect(fields[field]?.join(" "), `${JSON.stringify(change)} -> ${JSON.stringify(fields)}`).toMatch(message);
    }
    const list = routineListSchema.parse(await (await getWithToken(sandbox.app, "/v1/routines", token)).json());
    expect(list.count).toBe(0);
  });

  it("takes start_date as a date-time too, keeping its calendar date in America/Los_Angeles", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    for (const [start_date, expected] of [
      ["2026-01-20T09:00:00-08:00", "2026-01-20"],
      ["2026-01-21T03:00:00Z", "2026-01-20"], // 19:00 on the 20th in Los Angeles
      ["2026-01-20T08:00:00.000Z", "2026-01-20"],
      ["2026-01-22T23:30:00", "2026-01-22"], // no offset: Los Angeles wall time
    ]) {
      const routine = await createRoutine(token, routineBody(checking, savings, { start_date }));
      expect(routine.start_date, start_date).toBe(expected);
    }
  });

  it("refuses a body that is not JSON", async () => {
    const { token } = await createTestUser(sandbox);
    const response = await sandbox.app.request("/v1/routines", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ["pending", "requires_user_verification"],
    ["retry", "requires_user_verification"],
    ["document", "requires_user_verification"],
    ["suspended", "user_suspended"],
  ] as const)("gives a %s user's routine the status %s and makes no transfer", async (userStatus, status) => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox, { status: userStatus });
    const routine = await createRoutine(token, routineBody(checking, savings));
    expect(routine).toMatchObject({ status, active: false });
    expect((await transfersOf(token, routine.id)).count).toBe(0);
  });

  it("refuses routines for a rejected user with 403, creating nothing", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox, { status: "rejected" });
    const response = await sendJson(sandbox.app, "POST", "/v1/routines", token, routineBody(checking, savings));
    expect(response.status).toBe(403);
    expect(astraErrorBodySchema.parse(await response.json())).toEqual({
      code: 403,
      name: "Forbidden",
      description: "This user's status is rejected, so Astra will not initiate routines for them.",
    });
    expect(routineListSchema.parse(await (await getWithToken(sandbox.app, "/v1/routines", token)).json()).count).toBe(
      0,
    );
  });

  it("answers Astra's P2P error for another user as destination_user_id", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const other = await createTestUser(sandbox);
    const response = await sendJson(
      sandbox.app,
      "POST",
      "/v1/routines",
      token,
      routineBody(checking, savings, { destination_user_id: other.user.id }),
    );
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).description).toBe(
      "P2P transfer not allowed for this source and destination",
    );
  });

  it("waits for account authorization when an account is not connected", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox, {
      accounts: [{}, { connectionStatus: "pending_verification" }],
    });
    const routine = await createRoutine(token, routineBody(checking, savings));
    expect(routine.status).toBe("pending_account_authorization");
    expect((await transfersOf(token, routine.id)).count).toBe(0);
  });
});

describe("GET /v1/routines", () => {
  it("pages the user's routines newest first, filters by status and hides other users' routines", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        (await createRoutine(token, routineBody(checking, savings, { name: `R${i}`, start_date: "2026-02-01" }))).id,
      );
      sandbox.clock.advance(1000);
    }
    const other = await createTestUser(sandbox);
    const foreign = await createRoutine(other.token, routineBody(other.accountIds[0] ?? "", other.accountIds[1] ?? ""));

    const first = routineListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/routines?page_size=10", token)).json(),
    );
    expect(first).toMatchObject({ count: 12, page: 1, page_size: 10, has_more: true });
    expect(first.routines.map((routine) => routine.id)).toEqual(ids.slice(2).reverse());
    const second = routineListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/routines?page_size=10&page=2", token)).json(),
    );
    expect(second.routines.map((routine) => routine.id)).toEqual([ids[1], ids[0]]);
    expect(second.has_more).toBe(false);

    expect((await getWithToken(sandbox.app, "/v1/routines?page_size=9", token)).status).toBe(400);
    expect((await getWithToken(sandbox.app, "/v1/routines?page_size=101", token)).status).toBe(400);
    expect((await getWithToken(sandbox.app, "/v1/routines?status=paused", token)).status).toBe(400);

    await sendJson(sandbox.app, "PUT", `/v1/routines/${ids[3]}`, token, { status: "inactive" });
    const paused = routineListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/routines?status=inactive", token)).json(),
    );
    expect(paused.routines.map((routine) => routine.id)).toEqual([ids[3]]);

    expect((await getWithToken(sandbox.app, `/v1/routines/${ids[0]}`, token)).status).toBe(200);
    expect((await getWithToken(sandbox.app, `/v1/routines/${foreign.id}`, token)).status).toBe(404);
    expect((await getWithToken(sandbox.app, `/v1/routines/${foreign.id}/transfers`, token)).status).toBe(404);
  });
});

describe("GET /v1/routines?status=", () => {
  it("finds cancelled routines by either spelling, and writes cancelled (Astra's routine status)", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const once = await createRoutine(token, oneTimeBody(checking, savings, { name: "Once", amount: 5 }));
    const [transfer] = (await transfersOf(token, once.id)).transfers;
    expect((await sendJson(sandbox.app, "POST", `/v1/transfers/${transfer?.id}/cancel`, token)).status).toBe(200);
    for (const spelling of ["cancelled", "canceled"]) {
      const list = routineListSchema.parse(
        await (await getWithToken(sandbox.app, `/v1/routines?status=${spelling}`, token)).json(),
      );
      expect(
        list.routines.map((r) => [r.id, r.status]),
        spelling,
      ).toEqual([[once.id, "cancelled"]]);
    }
  });
});

describe("PUT /v1/routines/:id", () => {
  it("pauses and resumes, recording routine_updated for each status change", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routine = await createRoutine(token, routineBody(checking, savings, { start_date: "2026-01-20" }));
    const paused = await sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, {
      status: "inactive",
      name: "Paused",
    });
    expect(paused.status).toBe(200);
    expect(routineSchema.parse(await paused.json())).toMatchObject({
      status: "inactive",
      active: false,
      name: "Paused",
    });
    const resumed = await sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, { status: "active" });
    expect(routineSchema.parse(await resumed.json())).toMatchObject({ status: "active", active: true, amount: 25 });
    expect(await eventTypes(routine.id)).toEqual(["routine_updated", "routine_updated"]);
    await sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, { name: "Renamed" });
    expect(await eventTypes(routine.id)).toHaveLength(2);
  });

  it("refuses changes to amount, start_date and frequency: cancel and create a new routine instead", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routine = await createRoutine(token, routineBody(checking, savings, { start_date: "2026-01-20" }));
    const put = (body: unknown) => sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, body);
    for (const change of [{ amount: 30 }, { start_date: "2026-02-01" }, { frequency: "monthly" }]) {
      const [field = ""] = Object.keys(change);
      const fields = await expectFields(await put({ name: "Still here", ...change }));
      expect(Object.keys(fields), field).toEqual([field]);
      expect(fields[field]?.[0]).toMatch(
        /cannot be changed once a routine is created; cancel this routine and create a new one/,
      );
    }
    const all = await expectFields(await put({ amount: 1, frequency: "monthly", start_date: "2026-02-01" }));
    expect(Object.keys(all).sort()).toEqual(["amount", "frequency", "start_date"]);
    const after = routineSchema.parse(
      await (await getWithToken(sandbox.app, `/v1/routines/${routine.id}`, token)).json(),
    );
    expect(after).toMatchObject({ name: "Weekly savings", amount: 25, start_date: "2026-01-20", frequency: "weekly" });
  });

  it("updates the routine type's other optional parameters (https://docs.astra.finance/reference/put_v1-routines-id)", async () => {
    const {
      user,
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routine = await createRoutine(token, routineBody(checking, savings, { start_date: "2026-01-20" }));
    const put = (body: unknown) => sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, body);
    const changes = {
      preferred_settlement_speed: "T+4",
      client_correlation_id: "order42",
      destination_user_id: user.id,
    };
    const updated = await put(changes);
    expect(updated.status).toBe(200);
    expect(routineSchema.parse(await updated.json())).toMatchObject({ ...changes, amount: 25, status: "active" });
    const read = await getWithToken(sandbox.app, `/v1/routines/${routine.id}`, token);
    expect(routineSchema.parse(await read.json())).toMatchObject(changes);
    expect((await put({ destination_user_id: "someone-else" })).status).toBe(400);
    expect(Object.keys(await expectFields(await put({ preferred_settlement_speed: "T+3" })))).toEqual([
      "preferred_settlement_speed",
    ]);
  });

  it("resumes into requires_user_verification when the user is no longer approved", async () => {
    const {
      user,
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routine = await createRoutine(token, routineBody(checking, savings, { start_date: "2026-01-20" }));
    await sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, { status: "inactive" });
    await sandbox.store.users.updateStatus(user.id, "document", sandbox.clock.now());
    const resumed = await sendJson(sandbox.app, "PUT", `/v1/routines/${routine.id}`, token, { status: "active" });
    expect(routineSchema.parse(await resumed.json()).status).toBe("requires_user_verification");
  });

  it("refuses transitions other than active <-> inactive, unknown fields and other users' routines", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox, { status: "pending" });
    const unverified = await createRoutine(token, routineBody(checking, savings));
    const put = (id: string, body: unknown) => sendJson(sandbox.app, "PUT", `/v1/routines/${id}`, token, body);
    const pause = astraErrorBodySchema.parse(await (await put(unverified.id, { status: "inactive" })).json());
    expect(pause.description).toMatch(/Only an active routine can be paused; this one is requires_user_verification/);

    expect((await expectFields(await put(unverified.id, { type: "one-time" }))).body).toContain(
      'Unrecognized key: "type"',
    );
    expect(Object.keys(await expectFields(await put(unverified.id, { status: "cancelled" })))).toEqual(["status"]);
    expect(Object.keys(await expectFields(await put(unverified.id, {})))).toEqual(["body"]);

    await sendJson(sandbox.app, "DELETE", `/v1/routines/${unverified.id}`, token);
    expect((await put(unverified.id, { status: "active" })).status).toBe(404);

    const approved = await createTestUser(sandbox);
    const ran = await createRoutine(approved.token, {
      type: "one-time",
      payment_type: "ach",
      name: "Ran",
      source_id: approved.accountIds[0],
      destination_id: approved.accountIds[1],
      amount: 5,
    });
    const refused = await sendJson(sandbox.app, "PUT", `/v1/routines/${ran.id}`, approved.token, {
      status: "inactive",
    });
    expect(refused.status).toBe(400);
    expect(astraErrorBodySchema.parse(await refused.json()).description).toMatch(/already made its transfer/);

    const other = await createTestUser(sandbox);
    expect((await put(other.accountIds[0] ?? "", { name: "x" })).status).toBe(404);
    const foreign = await createRoutine(other.token, routineBody(other.accountIds[0] ?? "", other.accountIds[1] ?? ""));
    expect((await put(foreign.id, { name: "mine now" })).status).toBe(404);
  });
});

describe("DELETE /v1/routines/:id", () => {
  it("removes a recurring routine: it is gone from reads, and its pending transfer still settles", async () => {
    const {
      user,
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const routine = await createRoutine(token, routineBody(checking, savings));
    const [transfer] = (await transfersOf(token, routine.id)).transfers;
    const response = await sendJson(sandbox.app, "DELETE", `/v1/routines/${routine.id}`, token);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");

    expect((await getWithToken(sandbox.app, `/v1/routines/${routine.id}`, token)).status).toBe(404);
    expect((await getWithToken(sandbox.app, `/v1/routines/${routine.id}/transfers`, token)).status).toBe(404);
    expect(routineListSchema.parse(await (await getWithToken(sandbox.app, "/v1/routines", token)).json()).count).toBe(
      0,
    );
    expect((await sendJson(sandbox.app, "DELETE", `/v1/routines/${routine.id}`, token)).status).toBe(404);
    expect(await eventTypes(routine.id)).toEqual(["routine_updated"]);

    // "Deleting a routine does not prevent it from processing": the transfer already made goes on; no new ones.
    sandbox.clock.advance(28 * 24 * 60 * 60 * 1000);
    await sandbox.store.scheduler.runDue(sandbox.clock.now());
    const later = await tokenFor(sandbox, user.id);
    const all = transferListSchema.parse(await (await getWithToken(sandbox.app, "/v1/transfers", later)).json());
    expect(all.transfers.map((t) => [t.id, t.status, t.routine_name])).toEqual([
      [transfer?.id, "processed", "Weekly savings"],
    ]);
  });

  it("refuses to delete a one-time routine, and other users' routines", async () => {
    const {
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox);
    const once = await createRoutine(token, oneTimeBody(checking, savings, { name: "Once", amount: 5 }));
    const response = await sendJson(sandbox.app, "DELETE", `/v1/routines/${once.id}`, token);
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).description).toBe(
      "One-time routines cannot be deleted; cancel their transfer instead.",
    );
    const other = await createTestUser(sandbox);
    expect((await sendJson(sandbox.app, "DELETE", `/v1/routines/${once.id}`, other.token)).status).toBe(404);
  });
});

describe("store.routines.refreshForUser", () => {
  it("activates routines once the user is approved and suspends them when the user is suspended", async () => {
    const {
      user,
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox, { status: "pending" });
    const recurring = await createRoutine(token, routineBody(checking, savings));
    const once = await createRoutine(token, oneTimeBody(checking, savings, { name: "Once", amount: 5 }));
    const now = sandbox.clock.now();
    expect(await sandbox.store.routines.refreshForUser(user.id, now)).toBe(0);

    await sandbox.store.users.updateStatus(user.id, "approved", now);
    expect(await sandbox.store.routines.refreshForUser(user.id, now)).toBe(2);
    const read = async (id: string) =>
      routineSchema.parse(await (await getWithToken(sandbox.app, `/v1/routines/${id}`, token)).json());
    expect((await read(recurring.id)).status).toBe("active");
    expect(await eventTypes(recurring.id)).toEqual(["routine_updated"]);
    // The one-time routine became active on its date: it runs at the next scheduler pass.
    expect((await transfersOf(token, once.id)).count).toBe(0);
    await sandbox.store.scheduler.runDue(now);
    expect((await transfersOf(token, once.id)).count).toBe(1);

    await sandbox.store.users.updateStatus(user.id, "suspended", now);
    expect(await sandbox.store.routines.refreshForUser(user.id, now)).toBe(1);
    expect((await read(recurring.id)).status).toBe("user_suspended");
  });

  it("activates a routine when its account becomes authorized", async () => {
    const {
      user,
      token,
      accountIds: [checking = "", savings = ""],
    } = await createTestUser(sandbox, {
      accounts: [{}, { connectionStatus: "pending_verification" }],
    });
    const routine = await createRoutine(token, routineBody(checking, savings));
    const now = sandbox.clock.now();
    await sandbox.store.accounts.linkFromInstitution(
      user.id,
      { name: "Test Bank", logo: null },
      [
        {
          name: "Account 2",
          officialName: null,
          mask: "1001",
          subtype: "savings",
          currentBalanceCents: 0,
          availableBalanceCents: 0,
        },
      ],
      now,
    );
    expect(await sandbox.store.routines.refreshForUser(user.id, now)).toBe(1);
    const after = routineSchema.parse(
      await (await getWithToken(sandbox.app, `/v1/routines/${routine.id}`, token)).json(),
    );
    expect(after.status).toBe("active");
  });
});
