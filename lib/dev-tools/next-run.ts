// How far to move the emulator's clock to reach the next run of any of the user's routines.
import { parseIsoDate } from "@/lib/dates";

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysToNextRun(routines: readonly { nextRuns: readonly string[] }[], today: string): number | null {
  const next = routines
    .flatMap((routine) => routine.nextRuns)
    .filter((date) => date > today)
    .sort()[0];
  if (!next) return null;
  return Math.round((parseIsoDate(next).getTime() - parseIsoDate(today).getTime()) / DAY_MS);
}
