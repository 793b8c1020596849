import { describe, expect, it } from "vitest";
import { describeRoutine } from "@/components/routines/describe-routine";

describe("describeRoutine", () => {
  it("states a one-time transfer in words", () => {
    expect(
      describeRoutine({
        amount: 25,
        from: "Everyday Checking •••• 4417",
        to: "High-Yield Savings •••• 9021",
        frequency: null,
        startDate: "2026-12-04",
      }),
    ).toBe("Move $25.00 from Everyday Checking •••• 4417 to High-Yield Savings •••• 9021 once, on Fri, Dec 4, 2026.");
  });

  it("states a recurring transfer with its cadence and end", () => {
    expect(
      describeRoutine({ amount: 1250.5, from: "A", to: "B", frequency: "bi-weekly", startDate: "2027-01-31" }),
    ).toBe("Move $1,250.50 from A to B every two weeks, starting Sun, Jan 31, 2027, until you pause or cancel it.");
  });
});
