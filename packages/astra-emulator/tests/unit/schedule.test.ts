import { describe, expect, it } from "vitest";
import { addBusinessDays, cancelDeadline, estimatedClearing, isBusinessDay } from "../../src/lib/business-days";
import {
  addDays,
  firstOccurrenceFrom,
  localDate,
  localTimeOfDay,
  nextOccurrence,
  zonedInstant,
} from "../../src/lib/schedule";

const HOUR = 60 * 60 * 1000;

describe("Los Angeles calendar dates", () => {
  it("uses the Pacific date, not the UTC date, around midnight", () => {
    expect(localDate(new Date("2026-01-16T07:59:00Z"))).toBe("2026-01-15");
    expect(localDate(new Date("2026-01-16T08:00:00Z"))).toBe("2026-01-16");
    expect(localDate(new Date("2026-07-01T06:59:00Z"))).toBe("2026-06-30");
    expect(localDate(new Date("2026-07-01T07:00:00Z"))).toBe("2026-07-01");
  });

  it("finds the instant of a Pacific wall-clock time in winter and in summer", () => {
    expect(zonedInstant("2026-01-15", 9 * HOUR).toISOString()).toBe("2026-01-15T17:00:00.000Z");
    expect(zonedInstant("2026-07-15", 9 * HOUR).toISOString()).toBe("2026-07-15T16:00:00.000Z");
    // DST starts 2026-03-08 at 2:00; 14:00 that day is PDT.
    expect(zonedInstant("2026-03-08", 14 * HOUR).toISOString()).toBe("2026-03-08T21:00:00.000Z");
    expect(localTimeOfDay(new Date("2026-01-15T17:30:00.250Z"))).toBe(9.5 * HOUR + 250);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});

describe("recurring run dates", () => {
  it("steps weekly and bi-weekly by 7 and 14 days", () => {
    expect(nextOccurrence("2026-01-15", "weekly", "2026-01-29")).toBe("2026-02-05");
    expect(nextOccurrence("2026-01-15", "bi-weekly", "2026-01-29")).toBe("2026-02-12");
  });

  it("keeps a monthly routine's anchor day, clamped to short months, without skipping a month", () => {
    const runs = ["2026-01-31"];
    for (let i = 0; i < 4; i += 1) runs.push(nextOccurrence("2026-01-31", "monthly", runs.at(-1) ?? ""));
    expect(runs).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]);
  });

  it("lands on Feb 29 in a leap year and crosses the year end", () => {
    expect(nextOccurrence("2028-01-31", "monthly", "2028-01-31")).toBe("2028-02-29");
    expect(nextOccurrence("2028-02-29", "monthly", "2028-02-29")).toBe("2028-03-29");
    expect(nextOccurrence("2026-12-30", "monthly", "2026-12-30")).toBe("2027-01-30");
  });

  it("finds the first run on or after a date (a resumed routine skips what it missed)", () => {
    expect(firstOccurrenceFrom("2026-01-01", "weekly", "2026-01-16")).toBe("2026-01-22");
    expect(firstOccurrenceFrom("2026-01-31", "monthly", "2026-03-01")).toBe("2026-03-31");
    expect(firstOccurrenceFrom("2026-02-10", "weekly", "2026-01-16")).toBe("2026-02-10");
  });
});

describe("ACH business days", () => {
  it("skips weekends (holidays are not modelled)", () => {
    expect(isBusinessDay("2026-01-16")).toBe(true);
    expect(isBusinessDay("2026-01-17")).toBe(false);
    expect(addBusinessDays("2026-01-16", 2)).toBe("2026-01-20");
    expect(addBusinessDays("2026-01-17", 1)).toBe("2026-01-19");
    expect(addBusinessDays("2026-01-15", 4)).toBe("2026-01-21");
  });

  it("clears N business days later at the same Pacific time of day", () => {
    const friday9am = new Date("2026-01-16T17:00:00Z");
    expect(estimatedClearing(friday9am, "T+1").toISOString()).toBe("2026-01-19T17:00:00.000Z");
    expect(estimatedClearing(friday9am, "T+2").toISOString()).toBe("2026-01-20T17:00:00.000Z");
    expect(estimatedClearing(friday9am, "T+4").toISOString()).toBe("2026-01-22T17:00:00.000Z");
  });

  it("closes the cancel window at 2 p.m. Pacific on the next business day", () => {
    expect(cancelDeadline(new Date("2026-01-16T17:00:00Z")).toISOString()).toBe("2026-01-19T22:00:00.000Z");
    expect(cancelDeadline(new Date("2026-07-09T17:00:00Z")).toISOString()).toBe("2026-07-10T21:00:00.000Z");
  });
});
