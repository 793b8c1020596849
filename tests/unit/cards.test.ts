import { describe, expect, it } from "vitest";
import { z } from "zod";
import { routineFormSchema } from "@/app/(signed-in)/routines/schema";
import { reshapeCard } from "@/lib/astra/cards";
import { cardListSchema, cardSchema, routinePreviewSchema } from "@/lib/astra/card-schemas";
import { routineSchema, transferSchema } from "@/lib/astra/schemas";
import { minimalRoutine, minimalTransfer } from "./fixtures/minimal-astra";

describe("card schemas read what Astra may send", () => {
  it("reads a card with only its id, and labels it without digits", () => {
    const card = cardSchema.parse({ id: "c1" });
    expect(reshapeCard(card)).toEqual({ id: "c1", label: "Card debit", usable: true, status: "approved" });
  });

  it("reads the public JS client's list envelope {cards, count}", () => {
    const list = cardListSchema.parse({
      cards: [{ id: "c1", last_four_digits: "0002", card_company: "Visa" }],
      count: 1,
    });
    expect(list.cards.map(reshapeCard).map((card) => card.label)).toEqual(["Visa debit •••• 0002"]);
  });

  it("keeps a status it does not know, and never offers that card for routines", () => {
    const card = reshapeCard(cardSchema.parse({ id: "c2", status: "under_review", card_type: "Debit" }));
    expect(card).toMatchObject({ status: "under_review", usable: false });
  });

  it("reads a removed card as removed, whatever its status says", () => {
    expect(reshapeCard(cardSchema.parse({ id: "c3", status: "approved", removed: true })).status).toBe("removed");
  });

  it("reads a fee preview with none of the emulator's fields (Astra publishes none)", () => {
    expect(routinePreviewSchema.parse({})).toEqual({});
    expect(routinePreviewSchema.parse({ debit_fee: 0.6, total: 40.6, other: "x" })).toEqual({
      debit_fee: 0.6,
      total: 40.6,
    });
  });

  it("reads routines and transfers of payment_type debit and speeds it does not know", () => {
    expect(
      routineSchema.parse({ ...minimalRoutine, payment_type: "debit", preferred_settlement_speed: "real-time" }),
    ).toMatchObject({ payment_type: "debit", preferred_settlement_speed: "real-time" });
    expect(transferSchema.parse({ ...minimalTransfer, payment_type: "push-to-card" }).payment_type).toBe(
      "push-to-card",
    );
  });
});

describe("the routine form with a debit card", () => {
  const today = "2026-03-02";
  const debit = {
    type: "one-time",
    payment_type: "debit",
    name: "Top-up",
    source_id: "card_1",
    source_kind: "card",
    destination_id: "acc_1",
    amount: "40",
    start_date: today,
  };
  const errorsOf = (input: Record<string, string>) => {
    const parsed = routineFormSchema(today).safeParse(input);
    return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  };

  it("accepts a one-time debit transfer starting today", () => {
    expect(errorsOf(debit)).toEqual({});
  });

  it("refuses a recurring or later debit transfer with words a person understands", () => {
    expect(errorsOf({ ...debit, type: "recurring", frequency: "weekly" })).toEqual({
      type: ["A routine with a debit card is a one-time transfer."],
    });
    expect(errorsOf({ ...debit, start_date: "2026-03-03" })).toEqual({
      start_date: ["A transfer with a debit card starts today."],
    });
  });

  it("refuses a card on both sides, or a card transfer without one, by the To field", () => {
    expect(errorsOf({ ...debit, destination_id: "card_2", destination_kind: "card" })).toEqual({
      destination_id: ["Choose a bank account: a debit card pays into or from an account, not another card."],
    });
    expect(errorsOf({ ...debit, source_id: "acc_2", source_kind: "account" })).toEqual({
      destination_id: ["A card transfer needs a debit card on exactly one side."],
    });
    expect(
      errorsOf({
        ...debit,
        destination_id: "card_2",
        destination_kind: "card",
        source_id: "acc_1",
        source_kind: "account",
      }),
    ).toEqual({});
  });

  it("refuses a payment type Astra does not document", () => {
    expect(errorsOf({ ...debit, payment_type: "wire" })).toHaveProperty("payment_type");
  });
});
