// The webhook outbox as the dispatcher (packages/astra-emulator/src/webhooks) and the control API see it: which events are due,
// each delivery attempt, and the log of events with their attempts. Events are written by store/events.ts.
import type { WebhookType } from "../wire-schemas";
import type { Page, PageRequest } from "../lib/pagination";
import type { Sql } from "./sql/port";

export interface WebhookEventRecord {
  webhookId: string;
  clientId: string;
  type: WebhookType;
  userId: string | null;
  resourceId: string;
  /** The user intent's metadata for user webhooks, when the intent was created with some. */
  metadata: Record<string, unknown> | null;
  createdAt: Date;
  /** Automatic attempts so far (replays are logged as deliveries but not counted here). */
  attempts: number;
  /** Null when never tried yet, delivered, or given up. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** Where an event stands, as the dashboard and the control API show it. */
export type DeliveryState = "delivered" | "pending" | "retrying" | "given_up" | "not_sent";

export function deliveryState(event: WebhookEventRecord, hasUrl: boolean): DeliveryState {
  if (event.deliveredAt) return "delivered";
  if (event.attempts === 0) return hasUrl ? "pending" : "not_sent";
  return event.nextAttemptAt ? "retrying" : "given_up";
}

export interface DeliveryRecord {
  id: number;
  webhookId: string;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
}

/** An event with where it goes now and the secret that signs it. `url` is null when the app has none. */
export interface RoutedEvent extends WebhookEventRecord {
  url: string | null;
  clientSecret: string;
}

export type Attempt = Pick<DeliveryRecord, "url" | "statusCode" | "error" | "durationMs">;

interface EventRow {
  webhook_id: string;
  client_id: string;
  webhook_type: WebhookType;
  user_id: string | null;
  resource_id: string;
  metadata: string | null;
  created_at: number;
  attempts: number;
  next_attempt_at: number | null;
  delivered_at: number | null;
}

type RoutedRow = EventRow & { url: string | null; client_secret: string };

interface DeliveryRow {
  id: number;
  webhook_id: string;
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: number;
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

const toEvent = (row: EventRow): WebhookEventRecord => ({
  webhookId: row.webhook_id,
  clientId: row.client_id,
  type: row.webhook_type,
  userId: row.user_id,
  resourceId: row.resource_id,
  metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
  createdAt: new Date(row.created_at),
  attempts: row.attempts,
  nextAttemptAt: toDate(row.next_attempt_at),
  deliveredAt: toDate(row.delivered_at),
});

const toRouted = (row: RoutedRow): RoutedEvent => ({
  ...toEvent(row),
  url: row.url === "" ? null : row.url,
  clientSecret: row.client_secret,
});

const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  webhookId: row.webhook_id,
  url: row.url,
  statusCode: row.status_code,
  error: row.error,
  durationMs: row.duration_ms,
  attemptedAt: new Date(row.attempted_at),
});

const ROUTED = `SELECT e.*, a.webhook_url AS url, a.client_secret FROM webhook_events e
  JOIN apps a ON a.client_id = e.client_id`;

export function createWebhooksStore(sql: Sql) {
  // Never tried (attempts = 0, no schedule) or a retry whose time has come; only apps with a webhook URL.
  const due = sql.prepare<{ client_id: string | null; now: number; limit: number }, RoutedRow>(
    `${ROUTED} WHERE (CAST(@client_id AS TEXT) IS NULL OR e.client_id = @client_id)
       AND e.delivered_at IS NULL AND a.webhook_url IS NOT NULL AND a.webhook_url != ''
       AND ((e.next_attempt_at IS NULL AND e.attempts = 0) OR e.next_attempt_at <= @now)
     ORDER BY COALESCE(e.next_attempt_at, e.created_at), e.rowid LIMIT CAST(@limit AS BIGINT)`,
  );
  // Visitor scope: one user's due events.
  const dueOfUser = sql.prepare<[string, number, number], RoutedRow>(
    `${ROUTED} WHERE e.user_id = ?
       AND e.delivered_at IS NULL AND a.webhook_url IS NOT NULL AND a.webhook_url != ''
       AND ((e.next_attempt_at IS NULL AND e.attempts = 0) OR e.next_attempt_at <= ?)
     ORDER BY COALESCE(e.next_attempt_at, e.created_at), e.rowid LIMIT CAST(? AS BIGINT)`,
  );
  const lease = sql.prepare<[number, string]>("UPDATE webhook_events SET next_attempt_at = ? WHERE webhook_id = ?");
  const oneRouted = sql.prepare<[string, string], RoutedRow>(`${ROUTED} WHERE e.webhook_id = ? AND e.client_id = ?`);
  const insertDelivery = sql.prepare<[string, string, number | null, string | null, number, number], DeliveryRow>(
    `INSERT INTO webhook_deliveries (webhook_id, url, status_code, error, duration_ms, attempted_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const scheduleNext = sql.prepare<[number | null, number | null, string]>(
    `UPDATE webhook_events SET attempts = attempts + 1, next_attempt_at = ?, delivered_at = ? WHERE webhook_id = ?`,
  );
  const eventExists = sql.prepare<[string], number>("SELECT 1 FROM webhook_events WHERE webhook_id = ?").pluck();
  const markDelivered = sql.prepare<[number, string]>(
    "UPDATE webhook_events SET delivered_at = COALESCE(delivered_at, ?), next_attempt_at = NULL WHERE webhook_id = ?",
  );
  const pageForClient = sql.prepare<[string, number, number], EventRow>(
    `SELECT * FROM webhook_events WHERE client_id = ? ORDER BY created_at DESC, rowid DESC
     LIMIT CAST(? AS BIGINT) OFFSET CAST(? AS BIGINT)`,
  );
  const countForClient = sql
    .prepare<[string], number>("SELECT COUNT(*) FROM webhook_events WHERE client_id = ?")
    .pluck();
  const deliveriesOf = sql.prepare<[string], DeliveryRow>(
    "SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id",
  );

  // Inside the caller's transaction. A reset may have removed the event while its receiver was answering: then
  // there is nothing left to log the attempt against.
  const log = async (webhookId: string, attempt: Attempt, now: number): Promise<DeliveryRecord | null> => {
    if (!(await eventExists.get(webhookId))) return null;
    const row = await insertDelivery.get(
      webhookId,
      attempt.url,
      attempt.statusCode,
      attempt.error,
      attempt.durationMs,
      now,
    );
    if (!row) throw new Error("A webhook delivery was not written.");
    return toDelivery(row);
  };

  return {
    /**
     * Due events (only `clientId`'s, or `userId`'s, when given), oldest first, each leased for `leaseMs` so that only this caller
     * sends it. Claiming pushes next_attempt_at out by the lease, in the transaction that read it, so a second
     * dispatcher run cannot send the same event while the first is still waiting for the receiver; a crash
     * mid-flight just retries after the lease.
     */
    async claimDue(
      now: Date,
      limit: number,
      leaseMs: number,
      clientId: string | null = null,
      userId: string | null = null,
    ): Promise<RoutedEvent[]> {
      const at = now.getTime();
      return sql.transaction(async () => {
        const rows =
          userId === null
            ? await due.all({ client_id: clientId, now: at, limit })
            : await dueOfUser.all(userId, at, limit);
        for (const row of rows) await lease.run(at + leaseMs, row.webhook_id);
        return rows.map(toRouted);
      });
    },
    /** Null when the event does not exist or belongs to another app. */
    async findForClient(clientId: string, webhookId: string): Promise<RoutedEvent | null> {
      const row = await oneRouted.get(webhookId, clientId);
      return row ? toRouted(row) : null;
    },
    /** Logs an automatic attempt: delivered, or retried at `nextAttemptAt`, or (null) given up. */
    async recordAttempt(
      webhookId: string,
      attempt: Attempt,
      outcome: { delivered: boolean; nextAttemptAt: Date | null },
      now: Date,
    ): Promise<DeliveryRecord | null> {
      const at = now.getTime();
      return sql.transaction(async () => {
        const delivery = await log(webhookId, attempt, at);
        if (!delivery) return null;
        await scheduleNext.run(
          outcome.delivered ? null : (outcome.nextAttemptAt?.getTime() ?? null),
          outcome.delivered ? at : null,
          webhookId,
        );
        return delivery;
      });
    },
    /** Logs a manual replay; a successful one also ends any pending retries. */
    async recordReplay(
      webhookId: string,
      attempt: Attempt,
      delivered: boolean,
      now: Date,
    ): Promise<DeliveryRecord | null> {
      const at = now.getTime();
      return sql.transaction(async () => {
        const delivery = await log(webhookId, attempt, at);
        if (delivery && delivered) await markDelivered.run(at, webhookId);
        return delivery;
      });
    },
    /** An app's events, newest first, each with its delivery attempts in order. */
    async listForClient(
      clientId: string,
      page: PageRequest,
    ): Promise<Page<WebhookEventRecord & { deliveries: DeliveryRecord[] }>> {
      return sql.transaction(async () => {
        const total = (await countForClient.get(clientId)) ?? 0;
        const items = [];
        for (const row of await pageForClient.all(clientId, page.pageSize, page.offset)) {
          items.push({ ...toEvent(row), deliveries: (await deliveriesOf.all(row.webhook_id)).map(toDelivery) });
        }
        return { total, items };
      });
    },
  };
}
