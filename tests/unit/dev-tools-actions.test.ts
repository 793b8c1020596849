import { describe, expect, it } from "vitest";
import { devToolsActionSchema } from "@/lib/dev-tools/action-schema";
import { daysToNextRun } from "@/lib/dev-tools/next-run";

describe("developer drawer actions", () => {
  it.each([
    { action: "advance", days: 1 },
    { action: "advance", days: 5 },
    { action: "advance-to-next-run" },
    { action: "expire-token" },
    { action: "fault", kind: "503" },
    { action: "fault", kind: "slow" },
    { action: "reset" },
  ])("accepts %j", (input) => {
    expect(devToolsActionSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ action: "advance", days: 400 }, "days must be 1 or 5."],
    [{ action: "advance", days: "5" }, "days must be 1 or 5."],
    [{ action: "fault", kind: "418" }, "kind must be 500, 503, 429 or slow."],
    [{ action: "drop-database" }, "action must be advance, advance-to-next-run, expire-token, fault or reset."],
    [undefined, "action must be advance, advance-to-next-run, expire-token, fault or reset."],
  ])("refuses %j with a message that says what to fix", (input, message) => {
    const parsed = devToolsActionSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });

  it("finds the days to the earliest run after the emulator's today", () => {
    const routines = [
      { nextRuns: ["2026-03-01", "2026-03-08"] },
      { nextRuns: ["2026-02-20", "2026-02-27"] },
      { nextRuns: [] },
    ];
    expect(daysToNextRun(routines, "2026-02-20")).toBe(7);
    expect(daysToNextRun(routines, "2026-02-10")).toBe(10);
    expect(daysToNextRun(routines, "2026-03-08")).toBeNull();
    // Across the spring daylight-saving change the count is still whole days.
    expect(daysToNextRun([{ nextRuns: ["2026-03-10"] }], "2026-03-07")).toBe(3);
  });
});
