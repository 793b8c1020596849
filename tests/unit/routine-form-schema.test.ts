import { describe, expect, it } from "vitest";
import { z } from "zod";
import { routineFormSchema as routineFormSchemaFor } from "@/app/(signed-in)/routines/schema";
import { todayInAstraZone } from "@/lib/dates";

const routineFormSchema = routineFormSchemaFor(todayInAstraZone());

const valid = {
  type: "recurring",
  name: "Weekly savings",
  source_id: "acc_checking",
  destination_id: "acc_savings",
  amount: "$1,250.50",
  start_date: todayInAstraZone(),
  frequency: "monthly",
};

const errorsOf = async (input: Record<string, string>) => {
  const parsed = routineFormSchema.safeParse(input);
  return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
};

describe("routineFormSchema", () => {
  it("counts from the today it is given (the emulator's clock, when a plug-in moved it)", () => {
    const moved = routineFormSchemaFor("2099-01-10");
    expect(moved.safeParse({ ...valid, start_date: "2099-01-09" }).success).toBe(false);
    expect(moved.safeParse({ ...valid, start_date: "2099-01-10" }).success).toBe(true);
  });

  it("reads the amount into dollars and keeps today (Pacific) as a valid start", async () => {
    expect(routineFormSchema.parse(valid)).toMatchObject({
      amount: 1250.5,
      frequency: "monthly",
      start_date: todayInAstraZone(),
    });
  });

  it.each([
    [{ name: " " }, "name", "Give the routine a name."],
    [{ amount: "0" }, "amount", "Enter an amount more than $0."],
    [{ amount: "1.005" }, "amount", "Use at most 2 decimal places, like 25.50."],
    [
      { destination_id: "acc_checking" },
      "destination_id",
      "Choose a different account from the one the money comes from.",
    ],
    [{ start_date: "2020-01-01" }, "start_date", "Choose today or a later date (Pacific time)."],
    [{ frequency: "" }, "frequency", "Choose how often it repeats."],
    [{ source_id: "" }, "source_id", "Choose the account to move money from."],
  ])("rejects %j with a message on %s", async (change, field, message) => {
    expect((await errorsOf({ ...valid, ...change }))[field]).toEqual([message]);
  });

  it("does not ask a one-time transfer how often it repeats", async () => {
    expect(await errorsOf({ ...valid, type: "one-time", frequency: "" })).toEqual({});
  });
});
