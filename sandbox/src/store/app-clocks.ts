// Each developer app's sandbox clock offset (lib/clock.ts), kept so that time travel survives a restart.
import type { Database } from "better-sqlite3";
import type { ClockOffsets } from "../lib/clock";

export function createAppClocksStore(db: Database): ClockOffsets {
  const read = db.prepare<[string], number>("SELECT offset_ms FROM app_clocks WHERE client_id = ?").pluck();
  const write = db.prepare<[string, number]>(
    `INSERT INTO app_clocks (client_id, offset_ms) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET offset_ms = excluded.offset_ms`,
  );
  return {
    /** 0 until the app first advanced its clock. */
    async get(clientId) {
      return read.get(clientId) ?? 0;
    },
    async set(clientId, offsetMs) {
      write.run(clientId, offsetMs);
    },
  };
}
