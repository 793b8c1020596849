// The webhook outbox. A change records its event in the same transaction as the change itself, so an event
// is never announced for a change that rolled back, nor lost for one that committed. sandbox/src/webhooks
// delivers what is recorded here.
import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { WebhookType } from "../../../lib/astra/schemas";

export interface NewEvent {
  /** The developer app whose webhook URL receives the event. */
  clientId: string;
  type: WebhookType;
  /** The user the resource belongs to (for user_intent_updated, Astra sends the intent id here). */
  userId: string | null;
  resourceId: string;
}

/** Call inside the transaction that makes the change. Returns the event's `webhook_id`. */
export function recordEvent(db: Database, event: NewEvent, now: Date): string {
  const webhookId = randomUUID();
  db.prepare(
    `INSERT INTO webhook_events (webhook_id, client_id, webhook_type, user_id, resource_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(webhookId, event.clientId, event.type, event.userId, event.resourceId, now.getTime());
  return webhookId;
}
