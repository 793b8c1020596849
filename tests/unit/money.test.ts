import { describe, expect, it } from "vitest";
import { formatUsd, parseDollars } from "@/lib/money";

describe("formatUsd", () => {
  it.each([
    [2450.75, "$2,450.75"],
    [2310.2, "$2,310.20"],
    [12500, "$12,500.00"],
    [0, "$0.00"],
    [-0, "$0.00"],
    [-12, "-$12.00"],
    [0.005, "$0.01"],
    [1234567.891, "$1,234,567.89"],
  ])("formats %s as %s", (amount, expected) => {
    expect(formatUsd(amount)).toBe(expected);
  });

  it("shows a dash for a balance Astra did not report", () => {
    expect(formatUsd(null)).toBe("—");
    expect(formatUsd(Number.NaN)).toBe("—");
  });
});

describe("parseDollars", () => {
  it.each([
    ["25", 2500],
    ["25.5", 2550],
    ["19.99", 1999],
    ["0.01", 1],
    ["$1,250.50", 125050],
    [" 100000 ", 10_000_000],
    ["7.", 700],
  ])("reads %j as %i cents", (input, cents) => {
    expect(parseDollars(input)).toEqual({ ok: true, cents, dollars: cents / 100 });
  });

  it.each([
    ["", "Enter an amount."],
    ["   ", "Enter an amount."],
    ["0", "Enter an amount more than $0."],
    ["0.00", "Enter an amount more than $0."],
    ["-5", "Enter an amount more than $0."],
    ["12.345", "Use at most 2 decimal places, like 25.50."],
    ["abc", "Enter the amount as a number, like 25.00."],
    ["1e3", "Enter the amount as a number, like 25.00."],
    ["12.3.4", "Enter the amount as a number, like 25.00."],
    ["100000.01", "Astra moves at most $100,000.00 per transfer."],
  ])("rejects %j: %s", (input, message) => {
    expect(parseDollars(input)).toEqual({ ok: false, message });
  });
});
