// The bearer token's debit cards (https://docs.astra.finance/reference/cards): list, read, remove. Cards are
// linked on the module's /cards/connect (routes/module/cards.tsx).
import { Hono } from "hono";
import { cardListSchema, cardSchema, type Card } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { pageEnvelope, readPage } from "../../lib/pagination";
import { toAstraTimestamp } from "../../lib/wire";
import type { CardRecord } from "../../store/cards";

export function toWireCard(card: CardRecord): Card {
  const removed = card.status === "removed";
  return cardSchema.parse({
    id: card.id,
    first_name: card.firstName,
    last_name: card.lastName,
    first_six_digits: card.firstSixDigits,
    last_four_digits: card.lastFourDigits,
    expiration_date: card.expirationDate,
    card_company: card.cardCompany,
    card_type: "Debit",
    zip_code: card.zipCode,
    pull_enabled: !removed,
    push_enabled: !removed,
    removed,
    status: card.status,
    created: toAstraTimestamp(card.createdAt),
  });
}

const notFound = () => new ApiError(404, "No card with this id for this user.");

export function cardRoutes({ store, clocks }: Deps) {
  const auth = bearerAuth(store, clocks);
  return new Hono<BearerEnv>()
    .get("/v1/cards", auth, async (c) => {
      const page = readPage(c.req.query());
      const { total, items } = await store.cards.listForUser(c.get("grant").userId, page);
      return c.json(cardListSchema.parse({ ...pageEnvelope(total, page), cards: items.map(toWireCard) }));
    })
    .get("/v1/cards/:id", auth, async (c) => {
      const card = await store.cards.findForUser(c.get("grant").userId, c.req.param("id"));
      if (!card) throw notFound();
      return c.json(toWireCard(card));
    })
    .delete("/v1/cards/:id", auth, async (c) => {
      const { userId, clientId } = c.get("grant");
      const result = await store.cards.removeForUser(clientId, userId, c.req.param("id"), c.get("now"));
      if (result === "not_found") throw notFound();
      if (result === "in_use") {
        throw new ApiError(
          400,
          "This card is used by a routine that is not finished, or by a pending transfer; cancel those first.",
        );
      }
      return c.body(null, 200);
    });
}
