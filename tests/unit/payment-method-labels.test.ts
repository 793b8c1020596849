import { beforeEach, describe, expect, it, vi } from "vitest";
import { AstraError } from "@/lib/astra/errors";
import { paymentMethodLabels } from "@/lib/astra/payment-methods";

const answers = vi.hoisted(() => ({ cards: undefined as unknown }));

vi.mock("@/lib/astra/client", () => ({
  astraFetch: async ({ path, schema }: { path: string; schema: { parse: (value: unknown) => unknown } }) => {
    if (path === "/v1/accounts") {
      return schema.parse({ accounts: [{ id: "acc_1", name: "Checking", mask: "1111" }] });
    }
    if (path === "/v1/cards") {
      if (answers.cards instanceof Error) throw answers.cards;
      return schema.parse(answers.cards);
    }
    throw new Error(`unexpected ${path}`);
  },
}));

describe("paymentMethodLabels", () => {
  beforeEach(() => {
    answers.cards = { cards: [{ id: "card_1", card_company: "Visa", card_type: "Debit", last_four_digits: "4242" }] };
  });

  it("names both the bank accounts and the debit cards a routine can use", async () => {
    expect(await paymentMethodLabels("token")).toEqual({
      acc_1: "Checking •••• 1111",
      card_1: "Visa debit •••• 4242",
    });
  });

  it("names the accounts alone for a client Astra has not enabled for cards", async () => {
    answers.cards = new AstraError({ kind: "forbidden", status: 403, message: "not enabled" });
    expect(await paymentMethodLabels("token")).toEqual({ acc_1: "Checking •••• 1111" });
  });

  it("lets any other failure reach the page's error panel", async () => {
    answers.cards = new AstraError({ kind: "unavailable", status: 503, message: "down" });
    await expect(paymentMethodLabels("token")).rejects.toThrow("down");
  });
});
