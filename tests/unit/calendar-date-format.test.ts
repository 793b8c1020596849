import { describe, expect, it } from "vitest";
import { formatCalendarDate } from "@/lib/dates";

// formatCalendarDate spells the date out without Intl (lib/dates.ts says why): it must write what Intl writes.
const intl = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
});

describe("formatCalendarDate", () => {
  it("writes what en-US Intl writes, for every day from 1999 to 2041", () => {
    const mismatches: string[] = [];
    for (let time = Date.UTC(1999, 0, 1); time <= Date.UTC(2041, 11, 31); time += 86_400_000) {
      const iso = new Date(time).toISOString().slice(0, 10);
      const expected = intl.format(new Date(time));
      if (formatCalendarDate(iso) !== expected) mismatches.push(`${iso}: ${formatCalendarDate(iso)} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("reads the date as a calendar day, not an instant", () => {
    expect(formatCalendarDate("2025-03-07")).toBe("Fri, Mar 7, 2025");
    expect(formatCalendarDate("2024-02-29")).toBe("Thu, Feb 29, 2024");
  });

  it("leaves text that is not a date as it is", () => {
    expect(formatCalendarDate("soon")).toBe("soon");
  });
});
