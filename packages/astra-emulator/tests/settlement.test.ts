import { beforeEach, describe, expect, it } from "vitest";
import { accountSchema, routineSchema, transferListSchema, type Routine } from "../src/wire-schemas";
import {
  createTestEmulator,
  createTestUser,
  eventTypesFor,
  getWithToken,
  type TestEmulator,
  sendJson,
  type TestAccount,
  tokenFor,
} from "./helpers";

const DAY = 24 * 60 * 60 * 1000;

let sandbox: TestEmulator;
beforeEach(() => {
  // Thursday 2026-01-15, 09:00 in Los Angeles.
  sandbox = createTestEmulator();
});

async function setUp(accounts?: TestAccount[]) {
  const made = await createTestUser(sandbox, accounts ? { accounts } : {});
  const [source = "", destination = ""] = made.accountIds;
  const token = () => tokenFor(sandbox, made.user.id);
  const create = async (body: Record<string, unknown>): Promise<Routine> => {
    const response = await sendJson(sandbox.app, "POST", "/v1/routines", await token(), {
      name: "Test",
      payment_type: "ach",
      source_id: source,
      destination_id: destination,
      amount: 25,
      ...body,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return routineSchema.parse(await response.json());
  };
  const transfers = async (routineId: string) => {
    const response = await getWithToken(
      sandbox.app,
      `/v1/routines/${routineId}/transfers?page_size=100`,
      await token(),
    );
    return transferListSchema.parse(await response.json()).transfers;
  };
  const routine = async (id: string) =>
    routineSchema.parse(await (await getWithToken(sandbox.app, `/v1/routines/${id}`, await token())).json());
  const balances = async (accountId: string) => {
    const account = accountSchema.parse(
      await (await getWithToken(sandbox.app, `/v1/accounts/${accountId}`, await token())).json(),
    );
    return { current: account.current_balance, available: account.available_balance };
  };
  return { ...made, source, destination, create, transfers, routine, balances };
}

const runDue = () => sandbox.store.scheduler.runDue(sandbox.clock.now());

const eventTypes = (resourceId: string) => eventTypesFor(sandbox, resourceId);

describe("scheduler: due routines make their transfers", () => {
  it("catches up every missed weekly run after a clock jump, and settles the ones that cleared", async () => {
    const user = await setUp();
    const routine = await user.create({ type: "recurring", frequency: "weekly" });
    sandbox.clock.advance(35 * DAY);
    expect(await runDue()).toEqual({ transfersCreated: 5, transfersSettled: 5 });
    const transfers = await user.transfers(routine.id);
    expect(transfers.map((transfer) => transfer.initiated.slice(0, 10))).toEqual([
      "2026-02-19",
      "2026-02-12",
      "2026-02-05",
      "2026-01-29",
      "2026-01-22",
      "2026-01-15",
    ]);
    expect(transfers[4]?.initiated).toBe("2026-01-22T17:00:00.000000");
    expect(transfers.map((transfer) => transfer.status)).toEqual(["pending", ...Array(5).fill("processed")]);
    expect(await runDue()).toEqual({ transfersCreated: 0, transfersSettled: 0 });
  });

  it("runs bi-weekly routines every 14 days from a future start date", async () => {
    const user = await setUp();
    const routine = await user.create({ type: "recurring", frequency: "bi-weekly", start_date: "2026-01-20" });
    expect(await user.transfers(routine.id)).toHaveLength(0);
    sandbox.clock.advance(30 * DAY); // 2026-02-14
    await runDue();
    expect((await user.transfers(routine.id)).map((transfer) => transfer.initiated.slice(0, 10))).toEqual([
      "2026-02-03",
      "2026-01-20",
    ]);
  });

  it("keeps a monthly routine on its anchor day through a leap February", async () => {
    sandbox.clock.set(new Date("2028-01-31T17:00:00Z"));
    const user = await setUp();
    const routine = await user.create({ type: "recurring", frequency: "monthly" });
    sandbox.clock.set(new Date("2028-05-01T17:00:00Z"));
    await runDue();
    expect((await user.transfers(routine.id)).map((transfer) => transfer.initiated.slice(0, 10))).toEqual([
      "2028-04-30",
      "2028-03-31",
      "2028-02-29",
      "2028-01-31",
    ]);
  });

  it("makes nothing while paused, cancelled or unverified, and skips what a paused routine missed", async () => {
    const user = await setUp();
    const paused = await user.create({ type: "recurring", frequency: "weekly", start_date: "2026-01-16" });
    const cancelled = await user.create({ type: "recurring", frequency: "weekly", start_date: "2026-01-16" });
    await sendJson(sandbox.app, "PUT", `/v1/routines/${paused.id}`, await tokenFor(sandbox, user.user.id), {
      status: "inactive",
    });
    await sendJson(sandbox.app, "DELETE", `/v1/routines/${cancelled.id}`, await tokenFor(sandbox, user.user.id));
    const pending = await createTestUser(sandbox, { status: "pending" });
    await sendJson(sandbox.app, "POST", "/v1/routines", pending.token, {
      type: "recurring",
      payment_type: "ach",
      frequency: "weekly",
      name: "x",
      amount: 5,
      source_id: pending.accountIds[0],
      destination_id: pending.accountIds[1],
    });
    sandbox.clock.advance(20 * DAY); // Wednesday 2026-02-04
    expect((await runDue()).transfersCreated).toBe(0);

    await sendJson(sandbox.app, "PUT", `/v1/routines/${paused.id}`, await tokenFor(sandbox, user.user.id), {
      status: "active",
    });
    sandbox.clock.advance(2 * DAY); // Friday 2026-02-06
    await runDue();
    expect((await user.transfers(paused.id)).map((transfer) => transfer.initiated.slice(0, 10))).toEqual([
      "2026-02-06",
    ]);
    const all = transferListSchema.parse(
      await (
        await getWithToken(
          sandbox.app,
          `/v1/transfers?routine_id=${cancelled.id}`,
          await tokenFor(sandbox, user.user.id),
        )
      ).json(),
    );
    expect(all.count).toBe(0);
  });
});

describe("scheduler: settlement", () => {
  it("settles after T+2 business days across a weekend, moving balances and holds", async () => {
    sandbox.clock.set(new Date("2026-01-16T17:00:00Z")); // Friday 09:00 Pacific
    const user = await setUp([
      { currentCents: 100_000, availableCents: 90_000 },
      { currentCents: 5_000, availableCents: 5_000 },
    ]);
    const routine = await user.create({ type: "one-time", amount: 25.5 });
    const [transfer] = await user.transfers(routine.id);
    expect(transfer).toMatchObject({
      status: "pending",
      initiated: "2026-01-16T17:00:00.000000",
      estimated_clearing_date: "2026-01-20T17:00:00.000000",
      failure_reason: null,
    });
    expect(await user.balances(user.source)).toEqual({ current: 1000, available: 874.5 });

    sandbox.clock.set(new Date("2026-01-20T16:59:59Z"));
    expect(await runDue()).toEqual({ transfersCreated: 0, transfersSettled: 0 });
    sandbox.clock.set(new Date("2026-01-20T17:00:00Z"));
    expect(await runDue()).toEqual({ transfersCreated: 0, transfersSettled: 1 });

    expect((await user.transfers(routine.id))[0]).toMatchObject({
      status: "processed",
      updated: "2026-01-20T17:00:00.000000",
    });
    expect(await user.balances(user.source)).toEqual({ current: 974.5, available: 874.5 });
    expect(await user.balances(user.destination)).toEqual({ current: 75.5, available: 75.5 });
    expect(await user.routine(routine.id)).toMatchObject({ status: "completed", active: false });
    expect(await eventTypes(transfer?.id ?? "")).toEqual(["transfer_created", "transfer_updated"]);
    expect(await eventTypes(routine.id)).toEqual(["routine_updated"]);
  });

  it.each([
    [13.13, "R01: Insufficient funds"],
    [13.14, "R02: Account closed"],
    [13.16, "R16: Account frozen"],
  ])("fails a transfer of the magic amount %s with %s and releases the hold", async (amount, reason) => {
    const user = await setUp();
    const routine = await user.create({ type: "one-time", amount });
    expect((await user.transfers(routine.id))[0]?.failure_reason).toBeNull();
    expect((await user.balances(user.source)).available).toBe(1000 - amount);
    sandbox.clock.advance(7 * DAY);
    await runDue();
    const [transfer] = await user.transfers(routine.id);
    expect(transfer).toMatchObject({ status: "failed", failure_reason: reason });
    expect(await user.balances(user.source)).toEqual({ current: 1000, available: 1000 });
    expect(await user.balances(user.destination)).toEqual({ current: 1000, available: 1000 });
    expect(await user.routine(routine.id)).toMatchObject({ status: "failed" });
    expect(await eventTypes(routine.id)).toEqual(["routine_updated"]);
  });

  it("fails for insufficient funds when the source's available balance was short at initiation", async () => {
    const user = await setUp([{ currentCents: 10_000, availableCents: 5_000 }, {}]);
    const first = await user.create({ type: "one-time", amount: 40 });
    const second = await user.create({ type: "one-time", amount: 20 }); // only $10 left after the first hold
    sandbox.clock.advance(7 * DAY);
    await runDue();
    expect((await user.transfers(first.id))[0]).toMatchObject({ status: "processed", failure_reason: null });
    expect((await user.transfers(second.id))[0]).toMatchObject({
      status: "failed",
      failure_reason: "R01: Insufficient funds",
    });
    expect(await user.balances(user.source)).toEqual({ current: 60, available: 10 });
  });

  it("leaves unknown (null) balances alone", async () => {
    const user = await setUp([
      { currentCents: null, availableCents: null },
      { currentCents: null, availableCents: null },
    ]);
    const routine = await user.create({ type: "one-time", amount: 99_999 });
    sandbox.clock.advance(7 * DAY);
    await runDue();
    expect((await user.transfers(routine.id))[0]?.status).toBe("processed");
    expect(await user.balances(user.source)).toEqual({ current: null, available: null });
  });
});
