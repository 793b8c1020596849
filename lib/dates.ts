// Calendar dates as Astra uses them: `YYYY-MM-DD` strings meaning a day in America/Los_Angeles.
export const ASTRA_TIME_ZONE = "America/Los_Angeles";

/** Made on first use: the first Intl object costs tens of ms of main thread, and this module is in client bundles. */
function lazyFormat(make: () => Intl.DateTimeFormat): (date: Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (date) => (format ??= make()).format(date);
}

const isoDate = lazyFormat(
  () =>
    new Intl.DateTimeFormat("en-CA", { timeZone: ASTRA_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }),
);

export function todayInAstraZone(now: Date = new Date()): string {
  return isoDate(now); // en-CA formats as YYYY-MM-DD
}

export function parseIsoDate(date: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Fri, Mar 7, 2025", by hand: the routine form renders five while it hydrates, and Intl's first use blocks. */
export function formatCalendarDate(date: string): string {
  const parsed = parseIsoDate(date);
  if (Number.isNaN(parsed.getTime())) return date;
  const weekday = WEEKDAYS[parsed.getUTCDay()];
  return `${weekday}, ${MONTHS[parsed.getUTCMonth()]} ${parsed.getUTCDate()}, ${parsed.getUTCFullYear()}`;
}

const pacificDate = lazyFormat(
  () =>
    new Intl.DateTimeFormat("en-US", { timeZone: ASTRA_TIME_ZONE, month: "short", day: "numeric", year: "numeric" }),
);

export function formatAstraTimestamp(timestamp: string): string {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
  return Number.isNaN(date.getTime()) ? timestamp : pacificDate(date);
}
