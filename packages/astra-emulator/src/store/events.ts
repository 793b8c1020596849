// The webhook outbox. A change records its event in the same transaction as the change itself, so an event
// is never announced for a change that rolled back, nor lost for one that committed. packages/astra-emulator/src/webhooks
// delivers what is recorded here.
import { randomUUID } from "node:crypto";
import type { WebhookType } from "../wire-schemas";
import type { Sql } from "./sql/port";

export interface NewEvent {
  /** The developer app whose webhook URL receives the event. */
  clientId: string;
  type: WebhookType;
  /** The user the resource belongs to (for user_intent_updated, Astra sends the intent id here). */
  userId: string | null;
  resourceId: string;
}

/**
 * Astra adds the user intent's `metadata` to user webhooks, "only visible if specified during User Intent
 * creation" (user-webhooks page). A user's metadata is that of the intent it was converted from.
 */
async function metadataFor(sql: Sql, event: NewEvent): Promise<string | null> {
  const text = {
    user_intent_updated: "SELECT metadata FROM user_intents WHERE id = ?",
    user_updated: "SELECT i.metadata FROM users u JOIN user_intents i ON i.id = u.user_intent_id WHERE u.id = ?",
  }[event.type as string];
  if (!text) return null;
  return (await sql.prepare<[string], string | null>(text).pluck().get(event.resourceId)) ?? null;
}

/** Webhook events kept per user (for user_intent_updated, per intent): older ones go as a new one is recorded. */
export const MAX_EVENTS_PER_USER = 500;

/** Call inside the transaction that makes the change. Returns the event's `webhook_id`. */
export async function recordEvent(sql: Sql, event: NewEvent, now: Date): Promise<string> {
  const webhookId = randomUUID();
  const metadata = await metadataFor(sql, event);
  await sql
    .prepare(
      `INSERT INTO webhook_events (webhook_id, client_id, webhook_type, user_id, resource_id, metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(webhookId, event.clientId, event.type, event.userId, event.resourceId, metadata, now.getTime());
  if (event.userId !== null) await pruneEvents(sql, event.userId);
  return webhookId;
}

/** Drops the user's events older than their newest MAX_EVENTS_PER_USER (their deliveries cascade). */
async function pruneEvents(sql: Sql, userId: string): Promise<void> {
  const oldestDropped = await sql
    .prepare<[string, number], number>(
      "SELECT rowid FROM webhook_events WHERE user_id = ? ORDER BY rowid DESC LIMIT 1 OFFSET CAST(? AS BIGINT)",
    )
    .pluck()
    .get(userId, MAX_EVENTS_PER_USER);
  if (oldestDropped === undefined) return;
  await sql.prepare("DELETE FROM webhook_events WHERE user_id = ? AND rowid <= ?").run(userId, oldestDropped);
}
