// User intents: pre-registered end users whose KYC outcome the sandbox picks by magic values.
import type { Database } from "better-sqlite3";

export function createUserIntentsStore(db: Database) {
  void db;
  return {
    /** Resolves "pending" intents and users whose KYC time has come; returns how many changed. */
    async resolveDue(now: Date): Promise<number> {
      void now;
      return 0; // filled in with the user-intent work
    },
  };
}
