// Moves the sandbox forward to `now`: routines make their due transfers and pending transfers settle.
import type { Database } from "better-sqlite3";
import { localDate } from "../lib/schedule";
import { toRoutine, type RoutineRow } from "./routines";
import { transferOperations } from "./transfers";

export interface RunDueResult {
  transfersCreated: number;
  transfersSettled: number;
}

export function createScheduler(db: Database) {
  const transfers = transferOperations(db);
  // A null client id means every app (tests); the running emulator passes one app at a time, at its clock.
  const dueRoutines = db
    .prepare<[string, string | null], string>(
      `SELECT id FROM routines WHERE status = 'active' AND next_run_date <= ? AND client_id = COALESCE(?, client_id)
     ORDER BY next_run_date, created_at`,
    )
    .pluck();
  // Visitor scope: one user's routines and transfers, at that user's clock.
  const dueRoutinesOfUser = db
    .prepare<[string, string], string>(
      `SELECT id FROM routines WHERE status = 'active' AND next_run_date <= ? AND user_id = ?
     ORDER BY next_run_date, created_at`,
    )
    .pluck();
  const dueTransfersOfUser = db
    .prepare<[number, string], string>(
      `SELECT id FROM transfers WHERE status = 'pending' AND estimated_clearing_at <= ? AND user_id = ?
     ORDER BY estimated_clearing_at, rowid`,
    )
    .pluck();
  const activeDue = db.prepare<[string, string], RoutineRow>(
    "SELECT * FROM routines WHERE id = ? AND status = 'active' AND next_run_date <= ?",
  );
  const dueTransfers = db
    .prepare<[number, string | null], string>(
      `SELECT id FROM transfers WHERE status = 'pending' AND estimated_clearing_at <= ? AND client_id = COALESCE(?, client_id)
     ORDER BY estimated_clearing_at, rowid`,
    )
    .pluck();

  // One transaction per routine and per transfer, so one bad row cannot roll back everyone else's progress.
  const runRoutine = db.transaction((id: string, today: string, now: Date): number => {
    const row = activeDue.get(id, today);
    return row ? transfers.makeDueTransfers(toRoutine(row), today, now) : 0;
  });
  const settle = db.transaction((id: string, now: Date): boolean => transfers.settle(id, now));

  return {
    /**
     * Safe to call repeatedly: a second call with the same `now` finds nothing left to do. Only `clientId`'s when
     * given, or only `userId`'s (visitor scope).
     */
    async runDue(now: Date, clientId: string | null = null, userId: string | null = null): Promise<RunDueResult> {
      const today = localDate(now);
      const routineIds = userId === null ? dueRoutines.all(today, clientId) : dueRoutinesOfUser.all(today, userId);
      let transfersCreated = 0;
      for (const id of routineIds) transfersCreated += runRoutine(id, today, now);
      const transferIds =
        userId === null ? dueTransfers.all(now.getTime(), clientId) : dueTransfersOfUser.all(now.getTime(), userId);
      let transfersSettled = 0;
      for (const id of transferIds) if (settle(id, now)) transfersSettled += 1;
      return { transfersCreated, transfersSettled };
    },
  };
}
