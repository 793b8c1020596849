import { describe, expect, it } from "vitest";
import { routineStatusSchema, transferStatusSchema } from "@/lib/astra/schemas";
import {
  frequencyWords,
  ROUTINE_STATUS_WORDS,
  routineScheduleWords,
  routineStatusWords,
  routineTypeWords,
  settlementSpeedWords,
  TRANSFER_STATUS_WORDS,
  transferStatusWords,
} from "@/lib/astra/status-words";

describe("status words", () => {
  it.each(routineStatusSchema.options)("explains routine status %s", (status) => {
    const words = ROUTINE_STATUS_WORDS[status];
    expect(words.label).not.toMatch(/_/);
    expect(words.explanation.length).toBeGreaterThan(20);
  });

  it.each(transferStatusSchema.options)("explains transfer status %s", (status) => {
    expect(TRANSFER_STATUS_WORDS[status].label).not.toMatch(/_/);
  });

  it("points to the module flow that resolves a blocked routine", () => {
    expect(ROUTINE_STATUS_WORDS.requires_user_verification.fix).toBe("verify-identity");
    expect(ROUTINE_STATUS_WORDS.pending_account_authorization.fix).toBe("link-account");
    expect(ROUTINE_STATUS_WORDS.active.fix).toBeUndefined();
  });

  it("reads both spellings of a cancelled transfer the same way", () => {
    expect(TRANSFER_STATUS_WORDS.canceled).toEqual(TRANSFER_STATUS_WORDS.cancelled);
  });
});

describe("words for values this app does not know", () => {
  it("names an unknown routine or transfer status as it came, in plain words", () => {
    expect(routineStatusWords("under_review")).toMatchObject({
      label: "Unknown status: under_review",
      tone: "neutral",
    });
    expect(transferStatusWords("returned").label).toBe("Unknown status: returned");
    expect(transferStatusWords("returned").explanation).not.toMatch(/undefined/);
    expect(routineStatusWords("").label).toBe("Unknown status");
  });

  it("still uses the known words for known statuses", () => {
    expect(routineStatusWords("inactive")).toBe(ROUTINE_STATUS_WORDS.inactive);
    expect(transferStatusWords("canceled").label).toBe("Cancelled");
  });

  it("does not mistake an object property for a status", () => {
    expect(routineStatusWords("constructor").label).toBe("Unknown status: constructor");
    expect(frequencyWords("toString")).toBe("Repeats: toString");
  });

  it("shortens a runaway value", () => {
    expect(transferStatusWords("x".repeat(500)).label.length).toBeLessThan(100);
  });

  it("reads routine types the app never creates", () => {
    expect(routineTypeWords("one-time")).toBe("One-time");
    expect(routineTypeWords("sweep")).toBe("Sweep");
    expect(routineTypeWords("percentage-based")).toBe("Percentage-based");
    expect(routineTypeWords("round_up")).toBe("Round up");
  });

  it("says how often a routine runs, whatever Astra calls it", () => {
    expect(routineScheduleWords({ type: "recurring", frequency: "weekly" })).toBe("Every week");
    expect(routineScheduleWords({ type: "recurring", frequency: "quarterly" })).toBe("Repeats: quarterly");
    expect(routineScheduleWords({ type: "one-time", frequency: null })).toBe("One-time");
    expect(routineScheduleWords({ type: "recurring" })).toBe("Recurring");
    expect(routineScheduleWords({ type: "sweep", frequency: undefined })).toBe("Sweep");
  });

  it.each([
    ["T+1", "1 business day"],
    ["T+2", "2 business days"],
    ["T+4", "4 business days"],
    ["T+0", "Same business day"],
    ["real-time", "Real-time"],
    ["instant", "Instant"],
  ])("reads settlement speed %s as %s", (speed, words) => {
    expect(settlementSpeedWords(speed)).toBe(words);
  });
});
