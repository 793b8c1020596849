// Sandbox clock offsets (lib/clock.ts), kept so that time travel survives a restart: each developer app's in
// `app_clocks`, and in visitor scope each user's in `user_clocks` (store/user-clocks.ts). Both tables are one
// offset per key.
import type { ClockOffsets } from "../lib/clock";
import type { Sql } from "./sql/port";

/** Get and set one offset per key of `table`; 0 until the key first advanced its clock. */
export function createClockOffsets(
  sql: Sql,
  table: "app_clocks" | "user_clocks",
  key: "client_id" | "user_id",
): ClockOffsets {
  const read = sql.prepare<[string], number>(`SELECT offset_ms FROM ${table} WHERE ${key} = ?`).pluck();
  const write = sql.prepare<[string, number]>(
    `INSERT INTO ${table} (${key}, offset_ms) VALUES (?, ?)
     ON CONFLICT (${key}) DO UPDATE SET offset_ms = excluded.offset_ms`,
  );
  return {
    async get(id) {
      return (await read.get(id)) ?? 0;
    },
    async set(id, offsetMs) {
      await write.run(id, offsetMs);
    },
  };
}

/** Each developer app's offset. */
export function createAppClocksStore(sql: Sql): ClockOffsets {
  return createClockOffsets(sql, "app_clocks", "client_id");
}
