import { describe, expect, it } from "vitest";
import { formatUsd } from "@/lib/money";

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
