// Debit cards linked through the module's /cards/connect. A removed card keeps its row with status "removed".
import type { z } from "zod";
import { randomUUID } from "node:crypto";
import type { Page, PageRequest } from "../lib/pagination";
import type { cardStatusSchema } from "../wire-schemas";
import { recordEvent } from "./events";
import type { Sql } from "./sql/port";

export type CardStatus = z.infer<typeof cardStatusSchema>;

export interface CardRecord {
  id: string;
  userId: string;
  firstName: string;
  lastName: string;
  firstSixDigits: string;
  lastFourDigits: string;
  /** MM/YY. */
  expirationDate: string;
  cardCompany: string;
  zipCode: string;
  status: CardStatus;
  createdAt: Date;
}

export type NewCard = Omit<CardRecord, "id" | "status" | "createdAt">;

export type RemoveCardResult = "removed" | "not_found" | "in_use";

/** Linked (not removed) cards per user: a visitor can make nothing unbounded (guess; Astra publishes no cap). */
export const MAX_CARDS_PER_USER = 10;
/** Removed cards kept per user for `GET /v1/cards/{id}`; older ones are deleted on the next link. */
const REMOVED_CARDS_KEPT = 10;

export type LinkCardResult = { ok: true; card: CardRecord } | { ok: false; reason: "limit" };

interface CardRow {
  id: string;
  user_id: string;
  first_name: string;
  last_name: string;
  first_six_digits: string;
  last_four_digits: string;
  expiration_date: string;
  card_company: string;
  zip_code: string;
  status: CardStatus;
  created_at: number;
}

const toCard = (row: CardRow): CardRecord => ({
  id: row.id,
  userId: row.user_id,
  firstName: row.first_name,
  lastName: row.last_name,
  firstSixDigits: row.first_six_digits,
  lastFourDigits: row.last_four_digits,
  expirationDate: row.expiration_date,
  cardCompany: row.card_company,
  zipCode: row.zip_code,
  status: row.status,
  createdAt: new Date(row.created_at),
});

export function createCardsStore(sql: Sql) {
  const forUser = sql.prepare<[string, number, number], CardRow>(
    `SELECT * FROM cards WHERE user_id = ? AND status <> 'removed' ORDER BY created_at DESC, rowid DESC
     LIMIT CAST(? AS BIGINT) OFFSET CAST(? AS BIGINT)`,
  );
  const countForUser = sql
    .prepare<[string], number>("SELECT COUNT(*) FROM cards WHERE user_id = ? AND status <> 'removed'")
    .pluck();
  const atLimit = async (userId: string) => ((await countForUser.get(userId)) ?? 0) >= MAX_CARDS_PER_USER;
  const oneForUser = sql.prepare<[string, string], CardRow>("SELECT * FROM cards WHERE id = ? AND user_id = ?");
  const sameCard = sql.prepare<[string, string, string, string], CardRow>(
    `SELECT * FROM cards WHERE user_id = ? AND first_six_digits = ? AND last_four_digits = ? AND expiration_date = ?
       AND status <> 'removed'`,
  );
  const insert = sql.prepare(
    `INSERT INTO cards (id, user_id, first_name, last_name, first_six_digits, last_four_digits, expiration_date,
       card_company, zip_code, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?)`,
  );
  const inUse = sql
    .prepare<[string, string, string, string], number>(
      `SELECT (SELECT COUNT(*) FROM routines WHERE (source_id = ? OR destination_id = ?)
                 AND status NOT IN ('cancelled', 'failed', 'completed'))
            + (SELECT COUNT(*) FROM transfers WHERE (source_id = ? OR destination_id = ?) AND status = 'pending')`,
    )
    .pluck();
  const pruneRemoved = sql.prepare<[string, string, number]>(
    `DELETE FROM cards WHERE user_id = ? AND status = 'removed' AND id NOT IN (SELECT id FROM cards
       WHERE user_id = ? AND status = 'removed' ORDER BY created_at DESC, rowid DESC LIMIT CAST(? AS BIGINT))`,
  );
  const markRemoved = sql.prepare<[string]>("UPDATE cards SET status = 'removed' WHERE id = ?");

  return {
    async listForUser(userId: string, page: PageRequest): Promise<Page<CardRecord>> {
      return sql.transaction(async () => ({
        total: (await countForUser.get(userId)) ?? 0,
        items: (await forUser.all(userId, page.pageSize, page.offset)).map(toCard),
      }));
    },
    /** Whether the user has as many linked cards as Astra allows, so a new one would be refused. */
    atLimit,
    /** Null when the card does not exist or belongs to someone else; a removed card is still found. */
    async findForUser(userId: string, cardId: string): Promise<CardRecord | null> {
      const row = await oneForUser.get(cardId, userId);
      return row ? toCard(row) : null;
    },
    /**
     * Links a card; the same card (BIN, last four, expiry) linked again is the card already there. Refused once
     * the user has MAX_CARDS_PER_USER linked cards.
     */
    async link(card: NewCard, now: Date): Promise<LinkCardResult> {
      return sql.transaction(async (): Promise<LinkCardResult> => {
        const existing = await sameCard.get(card.userId, card.firstSixDigits, card.lastFourDigits, card.expirationDate);
        if (existing) return { ok: true, card: toCard(existing) };
        if (await atLimit(card.userId)) return { ok: false, reason: "limit" };
        await pruneRemoved.run(card.userId, card.userId, REMOVED_CARDS_KEPT);
        const id = randomUUID();
        await insert.run(
          id,
          card.userId,
          card.firstName,
          card.lastName,
          card.firstSixDigits,
          card.lastFourDigits,
          card.expirationDate,
          card.cardCompany,
          card.zipCode,
          now.getTime(),
        );
        return { ok: true, card: { ...card, id, status: "approved", createdAt: now } };
      });
    },
    /** Marks a card removed (announcing card_updated) unless an unfinished routine or a pending transfer uses it. */
    async removeForUser(clientId: string, userId: string, cardId: string, now: Date): Promise<RemoveCardResult> {
      return sql.transaction(async () => {
        const row = await oneForUser.get(cardId, userId);
        if (!row || row.status === "removed") return "not_found";
        if (((await inUse.get(cardId, cardId, cardId, cardId)) ?? 0) > 0) return "in_use";
        await markRemoved.run(cardId);
        await recordEvent(sql, { clientId, type: "card_updated", userId, resourceId: cardId }, now);
        return "removed";
      });
    },
  };
}
