// Users who once moved their clock and have nothing due (packages/astra-emulator/tests/due-work.test.ts, npm run bench:due-work).
import { DEFAULT_APP } from "../../src/store";
import type { Sql } from "../../src/store/sql/port";

/**
 * `count` users who moved their clock ahead three days and have nothing due: a monthly routine whose next date is
 * months away, a settled transfer and a delivered webhook, as a visitor who came and left would.
 */
export async function addIdleUsers(sql: Sql, count: number, now: Date): Promise<void> {
  const app = DEFAULT_APP.clientId;
  const at = now.getTime();
  const today = now.toISOString().slice(0, 10);
  const monthsAway = new Date(at + 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
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
        .run(...ids.flatMap((id) => [id, 3 * 24 * 60 * 60 * 1000]));
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
            today,
            "standard",
            "monthly",
            "active",
            monthsAway,
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
        .run(...ids.flatMap((id) => [`t-${id}`, `r-${id}`, id, app, "a", "b", 100, "processed", today, at, at, at]));
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
