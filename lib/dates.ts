// Calendar dates as Astra uses them: `YYYY-MM-DD` strings meaning a day in America/Los_Angeles.
export const ASTRA_TIME_ZONE = "America/Los_Angeles";

const isoDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: ASTRA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Astra's time zone: what `start_date` defaults to and is compared with. */
export function todayInAstraZone(now: Date = new Date()): string {
  return isoDate.format(now); // en-CA formats as YYYY-MM-DD
}

/** A calendar date as UTC midnight, so date arithmetic never meets a daylight-saving change. */
export function parseIsoDate(date: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
});

/** "Fri, Mar 7, 2025" for a `YYYY-MM-DD` calendar date. */
export function formatCalendarDate(date: string): string {
  const parsed = parseIsoDate(date);
  return Number.isNaN(parsed.getTime()) ? date : longDate.format(parsed);
}

const dateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: ASTRA_TIME_ZONE,
  month: "short",
  day: "numeric",
  year: "numeric",
});

/** Astra's timestamps are UTC without a zone (2025-03-07T15:02:10.118342); show their Pacific date. */
export function formatAstraTimestamp(timestamp: string): string {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
  return Number.isNaN(date.getTime()) ? timestamp : dateTime.format(date);
}
