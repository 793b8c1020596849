// Each visitor's own sandbox clock offset (hosted demo, visitor scope): like a Stripe test clock that belongs to
// one customer, so one visitor's time travel never moves another's. Used in place of the app's offset.
import type { ClockOffsets } from "../lib/clock";
import { createClockOffsets } from "./app-clocks";
import type { Sql } from "./sql/port";

export function createUserClocksStore(sql: Sql): ClockOffsets {
  return createClockOffsets(sql, "user_clocks", "user_id");
}
