// Each developer app's sandbox clock offset (lib/clock.ts), kept so that time travel survives a restart.
import type { ClockOffsets } from "../lib/clock";
import type { Sql } from "./sql/port";

export function createAppClocksStore(sql: Sql): ClockOffsets {
  const read = sql.prepare<[string], number>("SELECT offset_ms FROM app_clocks WHERE client_id = ?").pluck();
  const write = sql.prepare<[string, number]>(
    `INSERT INTO app_clocks (client_id, offset_ms) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET offset_ms = excluded.offset_ms`,
  );
  return {
    /** 0 until the app first advanced its clock. */
    async get(clientId) {
      return (await read.get(clientId)) ?? 0;
    },
    async set(clientId, offsetMs) {
      await write.run(clientId, offsetMs);
    },
  };
}
