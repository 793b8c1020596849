// Moves the sandbox forward to `now`: routines make their due transfers and pending transfers settle.
import type { Database } from "better-sqlite3";

export interface RunDueResult {
  transfersCreated: number;
  transfersSettled: number;
}

export function createScheduler(db: Database) {
  void db;
  return {
    async runDue(now: Date): Promise<RunDueResult> {
      void now;
      return { transfersCreated: 0, transfersSettled: 0 }; // filled in with the routines work
    },
  };
}
