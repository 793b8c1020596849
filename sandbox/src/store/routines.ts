// Routines: one-time and recurring transfers between a user's accounts.
import type { Database } from "better-sqlite3";

export function createRoutinesStore(db: Database) {
  void db;
  return {
    /** Recomputes the status of a user's routines after the user or an account changed; returns how many changed. */
    async refreshForUser(userId: string, now: Date): Promise<number> {
      void userId;
      void now;
      return 0; // filled in with the routines work
    },
  };
}
