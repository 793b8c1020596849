// Due work in visitor scope (lib/tick.ts, store/due-work.ts): the store names the users and apps with something due
// now, so users who once moved their clock and have nothing due add nothing to a tick (issue 17). Counted with a
// counting SQL port, on SQLite and (sandbox-pg) on Postgres.
import { afterEach, describe, expect, it } from "vitest";
import { tickIfDue } from "../../sandbox/src/lib/tick-if-due";
import { DEFAULT_APP, type Store } from "../../sandbox/src/store";
import type { Sql } from "../../sandbox/src/store/sql/port";
import { countingSql, type SqlCounts } from "../support/counting-sql";
import { freshStorePlace } from "../support/test-store";

const NOW = new Date("2026-03-10T18:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function countedStore(): Promise<{ store: Store; sql: Sql; counts: SqlCounts }> {
  let counted: ReturnType<typeof countingSql> | undefined;
  const store = freshStorePlace().open({ now: NOW }, (sql) => (counted = countingSql(sql)).sql);
  stores.push(store);
  // Its schema check and seed run on the first statement; count only what comes after.
  await store.apps.listClientIds();
  if (!counted) throw new Error("The store did not pass its SQL port through the wrapper.");
  return { store, ...counted };
}

/**
 * `count` users who moved their clock ahead three days and have nothing due: a monthly routine whose next date is
 * months away, a settled transfer and a delivered webhook, as a visitor who came and left would.
 */
async function addIdleUsers(sql: Sql, count: number): Promise<void> {
  const app = DEFAULT_APP.clientId;
  const at = NOW.getTime();
  const rows = (n: number, columns: number) =>
    Array.from({ length: n }, () => `(${Array.from({ length: columns }, () => "?").join(", ")})`).join(", ");
  await sql.transaction(async () => {
    for (let start = 0; start < count; start += 100) {
      const ids = Array.from({ length: Math.min(100, count - start) }, (_, i) => `idle-${start + i}`);
      await sql
        .prepare(
          `INSERT INTO users (id, client_id, phone, first_name, last_name, email, status, created_at)
           VALUES ${rows(ids.length, 8)}`,
        )
        .run(
          ...ids.flatMap((id, i) => [
            id,
            app,
            String(3000000000 + start + i),
            "Idle",
            "Visitor",
            `${id}@example.com`,
            "approved",
            at,
          ]),
        );
      await sql
        .prepare(`INSERT INTO user_clocks (user_id, offset_ms) VALUES ${rows(ids.length, 2)}`)
        .run(...ids.flatMap((id) => [id, 3 * DAY]));
      await sql
        .prepare(
          `INSERT INTO routines (id, client_id, user_id, type, name, payment_type, source_id, destination_id,
             amount_cents, start_date, settlement_speed, frequency, status, next_run_date, created_at, updated_at)
           VALUES ${rows(ids.length, 16)}`,
        )
        .run(
          ...ids.flatMap((id) => [
            `r-${id}`,
            app,
            id,
            "recurring",
            "Rent",
            "ach",
            "a",
            "b",
            100,
            "2026-03-10",
            "standard",
            "monthly",
            "active",
            "2026-06-10",
            at,
            at,
          ]),
        );
      await sql
        .prepare(
          `INSERT INTO transfers (id, routine_id, user_id, client_id, source_id, destination_id, amount_cents, status,
             scheduled_date, initiated_at, updated_at, estimated_clearing_at)
           VALUES ${rows(ids.length, 12)}`,
        )
        .run(
          ...ids.flatMap((id) => [`t-${id}`, `r-${id}`, id, app, "a", "b", 100, "processed", "2026-03-10", at, at, at]),
        );
      await sql
        .prepare(
          `INSERT INTO webhook_events (webhook_id, client_id, webhook_type, user_id, resource_id, created_at, attempts,
             delivered_at)
           VALUES ${rows(ids.length, 8)}`,
        )
        .run(...ids.flatMap((id) => [`w-${id}`, app, "transfer_updated", id, `t-${id}`, at, 1, at]));
    }
  });
}

/** Statements and transactions of one due-work pass (a fresh lease), as one request of the hosted demo runs it. */
async function onePass(store: Store, counts: SqlCounts): Promise<SqlCounts> {
  const before = { ...counts };
  expect(await tickIfDue(store, NOW, { visitorScope: true })).toBe(true);
  return { statements: counts.statements - before.statements, transactions: counts.transactions - before.transactions };
}

describe("due work", () => {
  it("costs the same statements and transactions with 0 and with 1,000 idle users whose clocks once moved", async () => {
    const empty = await countedStore();
    const withoutIdle = await onePass(empty.store, empty.counts);

    const crowded = await countedStore();
    await addIdleUsers(crowded.sql, 1_000);
    const withIdle = await onePass(crowded.store, crowded.counts);

    expect(withIdle).toEqual(withoutIdle);
  }, 60_000);

  it("still runs a user whose routine is due only at their own, advanced clock", async () => {
    const { store, sql } = await countedStore();
    await addIdleUsers(sql, 3);
    // idle-1's routine falls due three days from now, which their clock (three days ahead) has reached.
    const threeDaysOn = new Date(NOW.getTime() + 3 * DAY).toISOString().slice(0, 10);
    await sql.prepare("UPDATE routines SET next_run_date = ? WHERE user_id = 'idle-1'").run(threeDaysOn);
    expect(await store.dueWork.advancedUsers(NOW)).toEqual([{ clientId: DEFAULT_APP.clientId, userId: "idle-1" }]);
    expect(await store.dueWork.apps(NOW)).toEqual([]);
  });
});
