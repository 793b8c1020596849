// ACH business days: Monday to Friday. US federal holidays are not modelled (packages/astra-emulator/docs/money-movement.md).
import type { z } from "zod";
import type { settlementSpeedSchema } from "../wire-schemas";
import { addDays, dayOfWeek, localDate, localTimeOfDay, zonedInstant } from "./schedule";

export type SettlementSpeed = z.infer<typeof settlementSpeedSchema>;

export function isBusinessDay(date: string): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6;
}

/** `date` plus `count` weekdays counted after it (Saturday + 1 is Monday). */
export function addBusinessDays(date: string, count: number): string {
  let result = date;
  for (let added = 0; added < count;) {
    result = addDays(result, 1);
    if (isBusinessDay(result)) added += 1;
  }
  return result;
}

// T+0 and real-time clear on the day they start: the emulator settles them on its next background pass.
const SPEED_DAYS: Record<SettlementSpeed, number> = { "T+0": 0, "T+1": 1, "T+2": 2, "T+4": 4, "real-time": 0 };

/** When a transfer initiated at `initiated` is expected to clear: N business days later, same local time. */
export function estimatedClearing(initiated: Date, speed: SettlementSpeed): Date {
  return zonedInstant(addBusinessDays(localDate(initiated), SPEED_DAYS[speed]), localTimeOfDay(initiated));
}

const CANCEL_CUTOFF_MS = 14 * 60 * 60 * 1000;

/** ACH cancels are possible until 2:00 p.m. Los Angeles time on the first business day after initiation. */
export function cancelDeadline(initiated: Date): Date {
  return zonedInstant(addBusinessDays(localDate(initiated), 1), CANCEL_CUTOFF_MS);
}
