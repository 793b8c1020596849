// One sentence that says what a routine will do, shown before the person confirms it.
import type { RoutineFrequency } from "@/lib/astra/schemas";
import { formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

const EVERY: Record<RoutineFrequency, string> = { weekly: "every week", "bi-weekly": "every two weeks", monthly: "every month" };

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
  return `${move} ${EVERY[routine.frequency]}, starting ${when}, until you pause or cancel it.`;
}
