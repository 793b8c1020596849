// Due work in visitor scope (lib/due-work.ts, store/due-work.ts): the store names the users and apps with something due
// now, so users who once moved their clock and have nothing due add nothing to a pass. Counted with a
// counting SQL port, on SQLite and (emulator-pg) on Postgres.
import { afterEach, describe, expect, it } from "vitest";
import { runDueWorkIfFree } from "../src/lib/due-work";
import { DEFAULT_APP, type Store } from "../src/store";
import type { Sql } from "../src/store/sql/port";
import { countingSql, type SqlCounts } from "./support/counting-sql";
import { addIdleUsers } from "./support/idle-users";
import { freshStorePlace } from "./support/test-store";

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

/** Statements and transactions of one due-work pass (a fresh lease), as one request of the hosted demo runs it. */
async function onePass(store: Store, counts: SqlCounts): Promise<SqlCounts> {
  const before = { ...counts };
  expect(await runDueWorkIfFree(store, NOW, { visitorScope: true })).toBe(true);
  return { statements: counts.statements - before.statements, transactions: counts.transactions - before.transactions };
}

describe("due work", () => {
  it("costs the same statements and transactions with 0 and with 1,000 idle users whose clocks once moved", async () => {
    const empty = await countedStore();
    const withoutIdle = await onePass(empty.store, empty.counts);

    const crowded = await countedStore();
    await addIdleUsers(crowded.sql, 1_000, NOW);
    const withIdle = await onePass(crowded.store, crowded.counts);

    expect(withIdle).toEqual(withoutIdle);
  }, 60_000);

  it("still runs a user whose routine is due only at their own, advanced clock", async () => {
    const { store, sql } = await countedStore();
    await addIdleUsers(sql, 3, NOW);
    // idle-1's routine falls due three days from now, which their clock (three days ahead) has reached.
    const threeDaysOn = new Date(NOW.getTime() + 3 * DAY).toISOString().slice(0, 10);
    await sql.prepare("UPDATE routines SET next_run_date = ? WHERE user_id = 'idle-1'").run(threeDaysOn);
    expect(await store.dueWork.advancedUsers(NOW)).toEqual([{ clientId: DEFAULT_APP.clientId, userId: "idle-1" }]);
    expect(await store.dueWork.apps(NOW)).toEqual([]);
  });
});
