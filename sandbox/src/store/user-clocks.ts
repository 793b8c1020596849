// Each visitor's own sandbox clock offset (hosted demo, visitor scope): like a Stripe test clock that belongs to
// one customer, so one visitor's time travel never moves another's. Used in place of the app's offset.
import type { ClockOffsets } from "../lib/clock";
import { createClockOffsets } from "./app-clocks";
import type { Sql } from "./sql/port";

export interface UserClock {
  userId: string;
  clientId: string;
  offsetMs: number;
}

export function createUserClocksStore(sql: Sql): ClockOffsets & { listAdvanced(): Promise<UserClock[]> } {
  const advanced = sql.prepare<[], { user_id: string; client_id: string; offset_ms: number }>(
    `SELECT c.user_id, u.client_id, c.offset_ms FROM user_clocks c JOIN users u ON u.id = c.user_id
     WHERE c.offset_ms <> 0 ORDER BY c.user_id`,
  );
  return {
    ...createClockOffsets(sql, "user_clocks", "user_id"),
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
