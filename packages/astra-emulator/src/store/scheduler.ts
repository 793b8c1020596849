// Moves the sandbox forward to `now`: routines make their due transfers and pending transfers settle.
import { localDate } from "../lib/schedule";
import { toRoutine, type RoutineRow } from "./routines";
import type { Sql } from "./sql/port";
import { transferOperations } from "./transfers";

export interface RunDueResult {
  transfersCreated: number;
  transfersSettled: number;
}

export function createScheduler(sql: Sql) {
  const transfers = transferOperations(sql);
  // A null client id means every app (tests); the running emulator passes one app at a time, at its clock.
  const dueRoutines = sql
    .prepare<[string, string | null], string>(
      `SELECT id FROM routines WHERE status = 'active' AND next_run_date <= ?
       AND client_id = COALESCE(CAST(? AS TEXT), client_id)
     ORDER BY next_run_date, created_at`,
    )
    .pluck();
  // Visitor scope: one user's routines and transfers, at that user's clock.
  const dueRoutinesOfUser = sql
    .prepare<[string, string], string>(
      `SELECT id FROM routines WHERE status = 'active' AND next_run_date <= ? AND user_id = ?
     ORDER BY next_run_date, created_at`,
    )
    .pluck();
  const dueTransfersOfUser = sql
    .prepare<[number, string], string>(
      `SELECT id FROM transfers WHERE status = 'pending' AND estimated_clearing_at <= ? AND user_id = ?
     ORDER BY estimated_clearing_at, rowid`,
    )
    .pluck();
  const activeDue = sql.prepare<[string, string], RoutineRow>(
    "SELECT * FROM routines WHERE id = ? AND status = 'active' AND next_run_date <= ?",
  );
  const dueTransfers = sql
    .prepare<[number, string | null], string>(
      `SELECT id FROM transfers WHERE status = 'pending' AND estimated_clearing_at <= ?
       AND client_id = COALESCE(CAST(? AS TEXT), client_id)
     ORDER BY estimated_clearing_at, rowid`,
    )
    .pluck();

  // One transaction per routine and per transfer, so one bad row cannot roll back everyone else's progress.
  const runRoutine = (id: string, today: string, now: Date): Promise<number> =>
    sql.transaction(async () => {
      const row = await activeDue.get(id, today);
      return row ? transfers.makeDueTransfers(toRoutine(row), today, now) : 0;
    });
  const settle = (id: string, now: Date): Promise<boolean> => sql.transaction(() => transfers.settle(id, now));

  return {
    /**
     * Safe to call repeatedly: a second call with the same `now` finds nothing left to do. Only `clientId`'s when
     * given, or only `userId`'s (visitor scope).
     */
    async runDue(now: Date, clientId: string | null = null, userId: string | null = null): Promise<RunDueResult> {
      const today = localDate(now);
      const routineIds = userId === null ? dueRoutines.all(today, clientId) : dueRoutinesOfUser.all(today, userId);
      let transfersCreated = 0;
      for (const id of await routineIds) transfersCreated += await runRoutine(id, today, now);
      const transferIds =
        userId === null ? dueTransfers.all(now.getTime(), clientId) : dueTransfersOfUser.all(now.getTime(), userId);
      let transfersSettled = 0;
      for (const id of await transferIds) if (await settle(id, now)) transfersSettled += 1;
      return { transfersCreated, transfersSettled };
    },
  };
}
