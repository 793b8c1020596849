// One sentence that says what a routine will do, shown before the person confirms it.
import type { RoutineFrequency } from "@/lib/astra/schemas";
import { FREQUENCY_WORDS } from "@/lib/astra/status-words";
import { formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

export function describeRoutine(routine: {
  amount: number;
  from: string;
  to: string;
  frequency: RoutineFrequency | null;
  startDate: string;
}): string {
  const move = `Move ${formatUsd(routine.amount)} from ${routine.from} to ${routine.to}`;
  const when = formatCalendarDate(routine.startDate);
  if (!routine.frequency) return `${move} once, on ${when}.`;
  return `${move} ${FREQUENCY_WORDS[routine.frequency].toLowerCase()}, starting ${when}, until you pause or cancel it.`;
}
