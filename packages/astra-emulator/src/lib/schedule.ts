// Calendar dates of routines: YYYY-MM-DD strings in America/Los_Angeles, the timezone Astra's start dates use.
import type { RoutineFrequency } from "../wire-schemas";

export const ROUTINE_TIME_ZONE = "America/Los_Angeles";
const DAY_MS = 24 * 60 * 60 * 1000;

const wallClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: ROUTINE_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The Los Angeles wall clock at `instant`, written as if it were a UTC time (epoch ms). */
function wallClockMs(instant: Date): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second, instant.getUTCMilliseconds());
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function fromUtcMs(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function toUtcMs(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day);
}

/** The calendar date in Los Angeles at `instant` ("today" for routines). */
export function localDate(instant: Date): string {
  return fromUtcMs(wallClockMs(instant));
}

/** Milliseconds since local midnight in Los Angeles at `instant`. */
export function localTimeOfDay(instant: Date): number {
  return ((wallClockMs(instant) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant when Los Angeles clocks show `date` at `timeOfDayMs` after midnight (DST-aware). */
export function zonedInstant(date: string, timeOfDayMs: number): Date {
  const wanted = toUtcMs(date) + timeOfDayMs;
  const offsetAt = (ms: number) => wallClockMs(new Date(ms)) - ms;
  const first = wanted - offsetAt(wanted);
  // A second pass corrects the guess when a DST change lies between `wanted` and `first`.
  return new Date(wanted - offsetAt(first));
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The run after `current` for a recurring routine that started on `startDate`. Monthly runs keep the start
 * date's day of month, clamped to shorter months (Jan 31 -> Feb 28 -> Mar 31), and never skip a month.
 */
export function nextOccurrence(startDate: string, frequency: RoutineFrequency, current: string): string {
  if (frequency === "weekly") return addDays(current, 7);
  if (frequency === "bi-weekly") return addDays(current, 14);
  const anchorDay = Number(startDate.slice(8, 10));
  const now = new Date(toUtcMs(current));
  const year = now.getUTCFullYear() + (now.getUTCMonth() === 11 ? 1 : 0);
  const monthIndex = (now.getUTCMonth() + 1) % 12;
  const day = Math.min(anchorDay, daysInMonth(year, monthIndex));
  return fromUtcMs(Date.UTC(year, monthIndex, day));
}

/** The first run on or after `date` (used when a paused routine resumes: missed runs are skipped). */
export function firstOccurrenceFrom(startDate: string, frequency: RoutineFrequency, date: string): string {
  let run = startDate;
  while (run < date) run = nextOccurrence(startDate, frequency, run);
  return run;
}
