// A routine's run dates, on calendar dates so previews agree with Astra whatever the viewer's time zone.
import type { RoutineFrequency } from "@/lib/astra/schemas";
import { formatIsoDate, parseIsoDate } from "@/lib/dates";

const DAY_MS = 24 * 60 * 60 * 1000;

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Monthly runs fall back to a shorter month's last day (Jan 31 → Feb 28 → Mar 31), never skipping a month. */
export function runDate(startDate: string, frequency: RoutineFrequency, n: number): string {
  const start = parseIsoDate(startDate);
  if (frequency === "weekly") return formatIsoDate(new Date(start.getTime() + n * 7 * DAY_MS));
  if (frequency === "bi-weekly") return formatIsoDate(new Date(start.getTime() + n * 14 * DAY_MS));
  const monthIndex = start.getUTCMonth() + n;
  const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  return formatIsoDate(new Date(Date.UTC(year, month, day)));
}

export function upcomingRunDates(
  startDate: string,
  frequency: RoutineFrequency | null,
  from: string,
  count: number,
): string[] {
  if (!frequency) return startDate >= from ? [startDate].slice(0, count) : [];
  const dates: string[] = [];
  for (let n = 0; dates.length < count; n += 1) {
    const date = runDate(startDate, frequency, n);
    if (date >= from) dates.push(date);
    if (n > 10_000) break; // a start date centuries ago; never happens with real data
  }
  return dates;
}
