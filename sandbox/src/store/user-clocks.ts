// Each visitor's own sandbox clock offset (hosted demo, visitor scope): like a Stripe test clock that belongs to
// one customer, so one visitor's time travel never moves another's. Used in place of the app's offset.
import type { ClockOffsets } from "../lib/clock";
import type { Sql } from "./sql/port";

export interface UserClock {
  userId: string;
  clientId: string;
  offsetMs: number;
}

export function createUserClocksStore(sql: Sql): ClockOffsets & { listAdvanced(): Promise<UserClock[]> } {
  const read = sql.prepare<[string], number>("SELECT offset_ms FROM user_clocks WHERE user_id = ?").pluck();
  const write = sql.prepare<[string, number]>(
    `INSERT INTO user_clocks (user_id, offset_ms) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET offset_ms = excluded.offset_ms`,
  );
  const advanced = sql.prepare<[], { user_id: string; client_id: string; offset_ms: number }>(
    `SELECT c.user_id, u.client_id, c.offset_ms FROM user_clocks c JOIN users u ON u.id = c.user_id
     WHERE c.offset_ms <> 0 ORDER BY c.user_id`,
  );
  return {
    /** 0 until the user first advanced their clock. */
    async get(userId) {
      return (await read.get(userId)) ?? 0;
    },
    async set(userId, offsetMs) {
      await write.run(userId, offsetMs);
    },
    /** The users whose clock runs ahead of their app's, for background due work at each one's time. */
    async listAdvanced() {
      return (await advanced.all()).map((row) => ({
        userId: row.user_id,
        clientId: row.client_id,
        offsetMs: row.offset_ms,
      }));
    },
  };
}
