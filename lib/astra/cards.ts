// Linked debit cards, reshaped for the UI.
import "server-only";
import { cache } from "react";
import { z } from "zod";
import { astraFetch } from "./client";
import { AstraError } from "./errors";
import { cardListSchema, type Card } from "./card-schemas";

export type CardView = { id: string; label: string; usable: boolean; status: string };

export function reshapeCard(card: Card): CardView {
  const network = card.card_company || "Card";
  const kind = (card.card_type || "debit").toLowerCase();
  const status = card.removed ? "removed" : (card.status ?? "approved");
  return {
    id: card.id,
    label: card.last_four_digits ? `${network} ${kind} •••• ${card.last_four_digits}` : `${network} ${kind}`,
    usable: status === "approved",
    status,
  };
}

export async function getCards(accessToken: string): Promise<CardView[]> {
  const list = await astraFetch({
    path: "/v1/cards",
    searchParams: { page_size: 100 },
    auth: { accessToken },
    schema: cardListSchema,
  });
  return list.cards.map(reshapeCard).filter((card) => card.status !== "removed");
}

export const getCardsIfAllowed = cache(async (accessToken: string): Promise<CardView[]> =>
  getCards(accessToken).catch((error: unknown) => {
    if (error instanceof AstraError && (error.kind === "forbidden" || error.kind === "not_found")) return [];
    throw error;
  }),
);

export async function deleteCard(accessToken: string, id: string): Promise<void> {
  await astraFetch({
    path: `/v1/cards/${encodeURIComponent(id)}`,
    method: "DELETE",
    auth: { accessToken },
    schema: z.unknown(),
  });
}
