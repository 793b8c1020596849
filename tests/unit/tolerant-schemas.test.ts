import { describe, expect, it } from "vitest";
import {
  accountListSchema,
  accountSchema,
  oauthTokenResponseSchema,
  routineCreateSchema,
  routineListSchema,
  routineSchema,
  transferListSchema,
  transferSchema,
  userIntentSchema,
  userSchema,
  webhookPayloadSchema,
} from "@/lib/astra/schemas";
import {
  minimalAccount,
  minimalRoutine,
  minimalTransfer,
  minimalUser,
  minimalUserIntent,
  percentageTransfer,
  tokenResponse,
  without,
} from "./fixtures/minimal-astra";

// Response schemas read what real Astra may send; request schemas keep refusing what it documents as wrong.

describe("response schemas accept Astra's minimal documented payloads", () => {
  it("reads the JS client's transfer list fixture, field for field", () => {
    const list = transferListSchema.parse({ count: 2, transfers: [minimalTransfer, percentageTransfer] });
    expect(list.transfers).toEqual([minimalTransfer, percentageTransfer]);
  });

  it("reads a routine with only its essential fields", () => {
    expect(routineSchema.parse(minimalRoutine)).toEqual(minimalRoutine);
  });

  it("reads accounts, the user, a user intent and the token response with only their documented fields", () => {
    expect(accountSchema.parse(minimalAccount)).toEqual(minimalAccount);
    expect(userSchema.parse(minimalUser)).toEqual(minimalUser);
    expect(userIntentSchema.parse(minimalUserIntent)).toEqual(minimalUserIntent);
    expect(oauthTokenResponseSchema.parse(tokenResponse)).toEqual(tokenResponse);
  });

  it("reads list envelopes without a count or any page fields", () => {
    expect(transferListSchema.parse({ transfers: [minimalTransfer] }).count).toBeUndefined();
    expect(routineListSchema.parse({ routines: [minimalRoutine] }).routines).toHaveLength(1);
    expect(accountListSchema.parse({ accounts: [] }).accounts).toEqual([]);
  });

  it("still refuses what the app cannot show: a transfer without an amount, a routine without an id", () => {
    expect(transferSchema.safeParse(without(minimalTransfer, "amount")).success).toBe(false);
    expect(routineSchema.safeParse(without(minimalRoutine, "id")).success).toBe(false);
    expect(transferListSchema.safeParse({ count: 1 }).success).toBe(false);
  });
});

describe("unknown values are kept as sent", () => {
  it.each([
    ["routine type", { type: "sweep" }],
    ["payment type", { payment_type: "debit" }],
    ["payment type", { payment_type: "ledger" }],
    ["settlement speed", { preferred_settlement_speed: "T+0" }],
    ["settlement speed", { preferred_settlement_speed: "real-time" }],
    ["frequency", { frequency: "quarterly" }],
    ["status", { status: "under_review" }],
  ])("routine %s %o", (_field, values) => {
    expect(routineSchema.parse({ ...minimalRoutine, ...values })).toMatchObject(values);
  });

  it.each([
    { routine_type: "percentage-based" },
    { routine_type: "round-up" },
    { payment_type: "ledger" },
    { status: "returned" },
  ])("transfer %o", (values) => {
    expect(transferSchema.parse({ ...minimalTransfer, ...values })).toMatchObject(values);
  });

  it("keeps a user or user intent status Astra added later", () => {
    expect(userSchema.parse({ ...minimalUser, status: "under_review" }).status).toBe("under_review");
    expect(userIntentSchema.parse({ ...minimalUserIntent, kyc_type: "business" }).kyc_type).toBe("business");
  });

  it("still wants a string where Astra sends an enum value", () => {
    expect(transferSchema.safeParse({ ...minimalTransfer, status: 3 }).success).toBe(false);
  });
});

describe("extra keys are ignored", () => {
  it("drops fields the app does not read instead of refusing them", () => {
    const transfer = transferSchema.parse({ ...minimalTransfer, ach_trace_number: "0210000", fees: { debit: 0.5 } });
    expect(transfer).toEqual(minimalTransfer);
    const routine = routineSchema.parse({ ...minimalRoutine, threshold: 100, percent_of_balance: 30 });
    expect(routine).toEqual(minimalRoutine);
    expect(accountSchema.parse({ ...minimalAccount, routing_numbers: ["x"] })).toEqual(minimalAccount);
  });
});

describe("legacy and alternative spellings", () => {
  it("reads a cancelled transfer spelled either way", () => {
    expect(transferSchema.parse({ ...minimalTransfer, status: "cancelled" }).status).toBe("cancelled");
    expect(transferSchema.parse({ ...minimalTransfer, status: "canceled" }).status).toBe("canceled");
  });

  it.each([true, false, "True", "False"])("reads a routine's active flag %o", (active) => {
    expect(routineSchema.parse({ ...minimalRoutine, active }).active).toBe(active);
  });

  it.each(["bearer", "Bearer", "BEARER"])("reads token_type %s", (tokenType) => {
    expect(oauthTokenResponseSchema.parse({ ...tokenResponse, token_type: tokenType }).token_type).toBe(tokenType);
  });

  it("reads a token response without token_type", () => {
    expect(oauthTokenResponseSchema.safeParse(without(tokenResponse, "token_type")).success).toBe(true);
  });

  it("reads null where a field is optional (Python clients write None)", () => {
    const routine = routineSchema.parse({
      ...minimalRoutine,
      frequency: null,
      destination_user_id: null,
      start_date: null,
    });
    expect(routine.frequency).toBeNull();
    expect(
      transferSchema.parse({ ...minimalTransfer, failure_reason: null, estimated_clearing_date: null }).failure_reason,
    ).toBeNull();
  });
});

describe("webhook payload", () => {
  const base = { webhook_type: "user_updated", webhook_id: "wh_1", user_id: "usr_1", resource_id: "usr_1" };

  it("reads the documented four fields, with or without metadata", () => {
    expect(webhookPayloadSchema.parse(base)).toEqual(base);
    const withMetadata = { ...base, metadata: { crm_id: "42" } };
    expect(webhookPayloadSchema.parse(withMetadata)).toEqual(withMetadata);
  });

  it("reads a webhook type this app does not know", () => {
    expect(webhookPayloadSchema.parse({ ...base, webhook_type: "card_updated" }).webhook_type).toBe("card_updated");
  });
});

describe("request schemas stay strict", () => {
  const routine = {
    type: "one-time",
    name: "Rent",
    payment_type: "ach",
    source_id: "a",
    destination_id: "b",
    amount: 25,
  };

  it("accepts what the app sends", () => {
    expect(routineCreateSchema.safeParse(routine).success).toBe(true);
  });

  it("refuses a routine type the app does not create, though it reads one", () => {
    expect(routineCreateSchema.safeParse({ ...routine, type: "sweep" }).success).toBe(false);
    expect(routineSchema.safeParse({ ...minimalRoutine, type: "sweep" }).success).toBe(true);
  });
});
