import { describe, expect, it } from "vitest";
import { formatAstraTimestamp, formatCalendarDate, todayInAstraZone } from "@/lib/dates";
import { runDate, upcomingRunDates } from "@/lib/schedule";

describe("upcomingRunDates", () => {
  it("runs weekly and bi-weekly from the start date", () => {
    expect(upcomingRunDates("2026-12-03", "weekly", "2026-12-01", 5)).toEqual([
      "2026-12-03",
      "2026-12-10",
      "2026-12-17",
      "2026-12-24",
      "2026-12-31",
    ]);
    expect(upcomingRunDates("2026-12-03", "bi-weekly", "2026-12-01", 3)).toEqual([
      "2026-12-03",
      "2026-12-17",
      "2026-12-31",
    ]);
  });

  it("skips runs already past and keeps the cadence", () => {
    expect(upcomingRunDates("2026-11-05", "weekly", "2026-11-20", 2)).toEqual(["2026-11-26", "2026-12-03"]);
    expect(upcomingRunDates("2026-11-05", "bi-weekly", "2026-11-20", 2)).toEqual(["2026-12-03", "2026-12-17"]);
  });

  it("keeps the day of month, falling back to the last day of shorter months", () => {
    expect(upcomingRunDates("2027-01-31", "monthly", "2027-01-01", 5)).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
    ]);
    expect(upcomingRunDates("2027-01-30", "monthly", "2027-01-01", 3)).toEqual([
      "2027-01-30",
      "2027-02-28",
      "2027-03-30",
    ]);
    expect(upcomingRunDates("2027-01-29", "monthly", "2027-01-01", 2)).toEqual(["2027-01-29", "2027-02-28"]);
  });

  it("handles leap years", () => {
    expect(upcomingRunDates("2028-01-31", "monthly", "2028-01-01", 3)).toEqual([
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
    ]);
    expect(upcomingRunDates("2028-02-29", "monthly", "2028-02-01", 3)).toEqual([
      "2028-02-29",
      "2028-03-29",
      "2028-04-29",
    ]);
    expect(runDate("2028-02-29", "monthly", 12)).toBe("2029-02-28");
    expect(upcomingRunDates("2028-02-22", "weekly", "2028-02-22", 2)).toEqual(["2028-02-22", "2028-02-29"]);
  });

  it("crosses the year and daylight-saving changes without drifting", () => {
    expect(upcomingRunDates("2026-12-15", "monthly", "2026-12-15", 3)).toEqual([
      "2026-12-15",
      "2027-01-15",
      "2027-02-15",
    ]);
    // US clocks change on 2027-03-14 and 2027-11-07.
    expect(upcomingRunDates("2027-03-08", "weekly", "2027-03-08", 3)).toEqual([
      "2027-03-08",
      "2027-03-15",
      "2027-03-22",
    ]);
    expect(upcomingRunDates("2027-11-01", "weekly", "2027-11-01", 2)).toEqual(["2027-11-01", "2027-11-08"]);
  });

  it("gives a one-time routine its single date while it is ahead", () => {
    expect(upcomingRunDates("2026-12-03", null, "2026-12-01", 5)).toEqual(["2026-12-03"]);
    expect(upcomingRunDates("2026-11-03", null, "2026-12-01", 5)).toEqual([]);
  });
});

describe("todayInAstraZone", () => {
  it("uses the Los Angeles calendar date, not UTC's", () => {
    // 05:30 UTC on Dec 1 is still Nov 30 in Los Angeles (UTC-8).
    expect(todayInAstraZone(new Date("2026-12-01T05:30:00Z"))).toBe("2026-11-30");
    expect(todayInAstraZone(new Date("2026-12-01T08:30:00Z"))).toBe("2026-12-01");
    // Summer time (UTC-7).
    expect(todayInAstraZone(new Date("2027-07-04T06:59:00Z"))).toBe("2027-07-03");
    expect(todayInAstraZone(new Date("2027-07-04T07:00:00Z"))).toBe("2027-07-04");
  });

  it("formats calendar dates without shifting them, and leaves a half-typed one alone", () => {
    expect(formatCalendarDate("2027-02-28")).toBe("Sun, Feb 28, 2027");
    expect(formatCalendarDate("")).toBe("");
    expect(formatCalendarDate("2027-02")).toBe("2027-02");
  });
});

describe("formatAstraTimestamp", () => {
  it("reads Astra's zone-less timestamps as UTC and shows the Pacific date", () => {
    expect(formatAstraTimestamp("2026-12-01T05:30:00.000000")).toBe("Nov 30, 2026");
    expect(formatAstraTimestamp("2026-12-01T18:00:00.118342")).toBe("Dec 1, 2026");
    expect(formatAstraTimestamp("not a date")).toBe("not a date");
  });
});
