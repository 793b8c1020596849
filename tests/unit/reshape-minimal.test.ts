import { describe, expect, it } from "vitest";
import { accountLabel, reshapeAccount } from "@/lib/astra/accounts";
import { readActiveFlag, reshapeRoutine } from "@/lib/astra/routines";
import { accountSchema, routineSchema, transferSchema } from "@/lib/astra/schemas";
import { reshapeTransfer } from "@/lib/astra/transfers";
import { formatUsd } from "@/lib/money";
import { minimalAccount, minimalRoutine, minimalTransfer, percentageTransfer } from "./fixtures/minimal-astra";

// The views components render must read well when Astra sends only the essentials or values the app does not
// know: no "undefined", no "NaN", no crash.
const TODAY = "2026-12-01";

function noBrokenWords(view: object) {
  for (const [key, value] of Object.entries(view)) {
    expect(value, key).not.toBeUndefined();
    if (typeof value === "number") expect(Number.isFinite(value), key).toBe(true);
  }
  expect(JSON.stringify(view)).not.toMatch(/undefined|NaN/);
}

describe("reshapeRoutine with a minimal routine", () => {
  const view = reshapeRoutine(routineSchema.parse(minimalRoutine), TODAY);

  it("shows what it can and leaves unknown parts empty", () => {
    expect(view).toMatchObject({
      id: "rtn_1",
      name: "Every Friday",
      schedule: "Recurring",
      frequency: null,
      startDate: null,
      settlement: null,
      active: null,
      created: null,
      nextRuns: [],
      canPause: true,
      cancellable: true,
    });
    expect(view.words.label).toBe("Active");
    noBrokenWords(view);
    expect(formatUsd(view.amount)).toBe("$40.00");
  });

  it("previews the next runs once the schedule is known", () => {
    const full = reshapeRoutine(
      routineSchema.parse({ ...minimalRoutine, frequency: "weekly", start_date: "2026-12-04" }),
      TODAY,
    );
    expect(full.nextRuns[0]).toBe("2026-12-04");
    expect(full.schedule).toBe("Every week");
  });

  it("reads a start date sent as a date-time as its calendar day", () => {
    const view = reshapeRoutine(
      routineSchema.parse({ ...minimalRoutine, type: "one-time", start_date: "2026-12-09T00:00:00" }),
      TODAY,
    );
    expect(view.startDate).toBe("2026-12-09");
    expect(view.nextRuns).toEqual(["2026-12-09"]);
  });

  it("shows a sweep routine with an unknown status and speed without inventing a schedule", () => {
    const sweep = reshapeRoutine(
      routineSchema.parse({
        ...minimalRoutine,
        type: "sweep",
        status: "under_review",
        frequency: "daily",
        start_date: "2026-12-04",
        preferred_settlement_speed: "T+0",
        payment_type: "ledger",
      }),
      TODAY,
    );
    expect(sweep).toMatchObject({
      type: "sweep",
      schedule: "Repeats: daily",
      settlement: "Same business day",
      nextRuns: [],
      canPause: false,
      canResume: false,
      cancellable: false,
    });
    expect(sweep.words.label).toBe("Unknown status: under_review");
    noBrokenWords(sweep);
  });
});

describe("readActiveFlag", () => {
  it.each([
    [true, true],
    [false, false],
    ["True", true],
    ["False", false],
    ["true", true],
    ["yes", null],
    [undefined, null],
    [null, null],
  ] as const)("reads %o as %o", (raw, expected) => {
    expect(readActiveFlag(raw)).toBe(expected);
  });
});

describe("reshapeTransfer with the JS client's fixtures", () => {
  it("shows a processed transfer with no failure reason", () => {
    const view = reshapeTransfer(transferSchema.parse(minimalTransfer));
    expect(view).toMatchObject({ status: "processed", failureReason: null, cancellable: false });
    expect(view.words.label).toBe("Completed");
    noBrokenWords(view);
  });

  it("shows a pending transfer of a routine type the app never creates", () => {
    const view = reshapeTransfer(transferSchema.parse(percentageTransfer));
    expect(view).toMatchObject({ status: "pending", cancellable: true, routineName: "Operating 30" });
    noBrokenWords(view);
  });

  it("reads both spellings of cancelled, and an unknown status, in words", () => {
    expect(reshapeTransfer(transferSchema.parse({ ...minimalTransfer, status: "canceled" })).words.label).toBe(
      "Cancelled",
    );
    expect(reshapeTransfer(transferSchema.parse({ ...minimalTransfer, status: "cancelled" })).words.label).toBe(
      "Cancelled",
    );
    const returned = reshapeTransfer(transferSchema.parse({ ...minimalTransfer, status: "returned" }));
    expect(returned.words.label).toBe("Unknown status: returned");
    expect(returned.cancellable).toBe(false);
  });
});

describe("reshapeAccount with only an id and a name", () => {
  const view = reshapeAccount(accountSchema.parse(minimalAccount));

  it("leaves out what Astra did not send instead of printing it", () => {
    expect(view).toEqual({
      id: "acc_src",
      name: "Main Checking",
      institution: null,
      kind: null,
      mask: "",
      currentBalance: null,
      availableBalance: null,
      connected: true,
    });
    expect(accountLabel(view)).toBe("Main Checking");
    expect(formatUsd(view.availableBalance)).toBe("—");
  });

  it("still flags an account whose connection Astra reports as broken", () => {
    expect(reshapeAccount(accountSchema.parse({ ...minimalAccount, connection_status: "error" })).connected).toBe(
      false,
    );
  });
});
