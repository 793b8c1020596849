import { beforeEach, describe, expect, it } from "vitest";
import {
  accountSchema,
  astraErrorBodySchema,
  routineSchema,
  transferListSchema,
  transferSchema,
} from "../src/wire-schemas";
import {
  createTestEmulator,
  createTestUser,
  eventTypesFor,
  getWithToken,
  type TestEmulator,
  sendJson,
  tokenFor,
} from "./helpers";

const HOUR = 60 * 60 * 1000;

let sandbox: TestEmulator;
beforeEach(() => {
  // Thursday 2026-01-15, 09:00 in Los Angeles.
  sandbox = createTestEmulator();
});

async function setUp() {
  const made = await createTestUser(sandbox);
  const [source = "", destination = ""] = made.accountIds;
  const token = () => tokenFor(sandbox, made.user.id);
  const create = async (body: Record<string, unknown> = {}) => {
    const response = await sendJson(sandbox.app, "POST", "/v1/routines", await token(), {
      type: "one-time",
      payment_type: "ach",
      name: "Move",
      source_id: source,
      destination_id: destination,
      amount: 25,
      ...body,
    });
    expect(response.status).toBe(201);
    const routine = routineSchema.parse(await response.json());
    const list = await getWithToken(sandbox.app, `/v1/routines/${routine.id}/transfers`, await token());
    const transfer = transferListSchema.parse(await list.json()).transfers[0];
    return { routine, transferId: transfer?.id ?? "" };
  };
  const cancel = async (transferId: string) =>
    sendJson(sandbox.app, "POST", `/v1/transfers/${transferId}/cancel`, await token());
  const get = async (path: string) => getWithToken(sandbox.app, path, await token());
  return { ...made, source, destination, create, cancel, get };
}

const eventTypes = (resourceId: string) => eventTypesFor(sandbox, resourceId);

describe("GET /v1/transfers", () => {
  it("lists the user's transfers newest first in Astra's shape, with filters and pages", async () => {
    const user = await setUp();
    const created: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      created.push((await user.create({ name: `Move ${i}`, client_correlation_id: `C${i}` })).transferId);
      sandbox.clock.advance(60_000);
    }
    const other = await createTestUser(sandbox);
    await sendJson(sandbox.app, "POST", "/v1/routines", other.token, {
      type: "one-time",
      payment_type: "ach",
      name: "Other",
      source_id: other.accountIds[0],
      destination_id: other.accountIds[1],
      amount: 1,
    });

    const first = transferListSchema.parse(await (await user.get("/v1/transfers?page_size=10")).json());
    expect(first).toMatchObject({ count: 11, page: 1, page_size: 10, has_more: true });
    expect(first.transfers.map((transfer) => transfer.id)).toEqual(created.slice(1).reverse());
    expect(first.transfers.at(-1)).toMatchObject({
      routine_name: "Move 1",
      routine_type: "one-time",
      client_correlation_id: "C1",
      source_id: user.source,
      destination_id: user.destination,
      destination_user_id: null,
      amount: 25,
      payment_type: "ach",
      status: "pending",
      initiated: "2026-01-15T17:01:00.000000",
      estimated_clearing_date: "2026-01-19T17:01:00.000000",
      astra_settlement_reason: null,
      failure_reason: null,
    });
    const second = transferListSchema.parse(await (await user.get("/v1/transfers?page_size=10&page=2")).json());
    expect(second.transfers.map((transfer) => transfer.id)).toEqual([created[0]]);

    await user.cancel(created[4] ?? "");
    // Written `canceled` (Astra's current cancel page); either spelling filters.
    for (const spelling of ["canceled", "cancelled"]) {
      const cancelled = transferListSchema.parse(await (await user.get(`/v1/transfers?status=${spelling}`)).json());
      expect(
        cancelled.transfers.map((transfer) => [transfer.id, transfer.status]),
        spelling,
      ).toEqual([[created[4], "canceled"]]);
    }
    const pending = transferListSchema.parse(await (await user.get("/v1/transfers?status=pending")).json());
    expect(pending.count).toBe(10);
    const byRoutine = transferListSchema.parse(
      await (await user.get(`/v1/transfers?routine_id=${first.transfers[0]?.routine_id}`)).json(),
    );
    expect(byRoutine.transfers.map((transfer) => transfer.id)).toEqual([created[10]]);
    expect((await user.get("/v1/transfers?status=done")).status).toBe(400);
  });

  it("reads one transfer, and answers 404 for another user's", async () => {
    const user = await setUp();
    const { transferId } = await user.create();
    const response = await user.get(`/v1/transfers/${transferId}`);
    expect(response.status).toBe(200);
    expect(transferSchema.parse(await response.json()).id).toBe(transferId);
    const other = await createTestUser(sandbox);
    expect((await getWithToken(sandbox.app, `/v1/transfers/${transferId}`, other.token)).status).toBe(404);
    expect((await sendJson(sandbox.app, "POST", `/v1/transfers/${transferId}/cancel`, other.token)).status).toBe(404);
  });
});

describe("POST /v1/transfers/:id/cancel", () => {
  it("cancels inside the window: hold released, events recorded, one-time routine cancelled", async () => {
    const user = await setUp();
    const { routine, transferId } = await user.create({ amount: 40 });
    // Friday 2026-01-16, 13:59 Pacific: one minute before the cut-off.
    sandbox.clock.set(new Date("2026-01-16T21:59:00Z"));
    const response = await user.cancel(transferId);
    expect(response.status).toBe(200);
    expect(transferSchema.parse(await response.json())).toMatchObject({ id: transferId, status: "canceled" });
    const account = accountSchema.parse(await (await user.get(`/v1/accounts/${user.source}`)).json());
    expect(account).toMatchObject({ current_balance: 1000, available_balance: 1000 });
    const after = routineSchema.parse(await (await user.get(`/v1/routines/${routine.id}`)).json());
    expect(after.status).toBe("cancelled");
    expect(await eventTypes(transferId)).toEqual(["transfer_created", "transfer_updated"]);
    expect(await eventTypes(routine.id)).toEqual(["routine_updated"]);

    sandbox.clock.advance(7 * 24 * HOUR);
    expect((await sandbox.store.scheduler.runDue(sandbox.clock.now())).transfersSettled).toBe(0);
    const again = await user.cancel(transferId);
    expect(again.status).toBe(400);
    expect(astraErrorBodySchema.parse(await again.json()).description).toMatch(/is not pending/);
  });

  it("refuses after 2 p.m. Pacific on the first business day after initiation", async () => {
    const user = await setUp();
    const { routine, transferId } = await user.create({ preferred_settlement_speed: "T+4" });
    sandbox.clock.set(new Date("2026-01-16T22:00:00Z")); // Friday 14:00 Pacific
    const response = await user.cancel(transferId);
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).description).toMatch(/can no longer be cancelled/);
    const transfer = transferSchema.parse(await (await user.get(`/v1/transfers/${transferId}`)).json());
    expect(transfer.status).toBe("pending");
    expect(routineSchema.parse(await (await user.get(`/v1/routines/${routine.id}`)).json()).status).toBe("active");
  });

  it("counts the window from a Friday initiation to Monday, and leaves a recurring routine active", async () => {
    sandbox.clock.set(new Date("2026-01-16T17:00:00Z")); // Friday 09:00 Pacific
    const user = await setUp();
    const { routine, transferId } = await user.create({ type: "recurring", payment_type: "ach", frequency: "weekly" });
    sandbox.clock.set(new Date("2026-01-19T21:00:00Z")); // Monday 13:00 Pacific
    expect((await user.cancel(transferId)).status).toBe(200);
    expect(routineSchema.parse(await (await user.get(`/v1/routines/${routine.id}`)).json()).status).toBe("active");
  });

  it("refuses a transfer that already settled", async () => {
    const user = await setUp();
    const { transferId } = await user.create({ preferred_settlement_speed: "T+1" });
    sandbox.clock.set(new Date("2026-01-16T17:00:00Z")); // cleared Friday 09:00, before the 14:00 cut-off
    await sandbox.store.scheduler.runDue(sandbox.clock.now());
    const response = await user.cancel(transferId);
    expect(response.status).toBe(400);
    expect(astraErrorBodySchema.parse(await response.json()).description).toMatch(/is not pending/);
  });
});
