// Read models for the developer dashboard (an app's users, intents and webhook log), straight from the tables,
// plus its one destructive action: deleting a user and everything of theirs.
import type { Database } from "better-sqlite3";
import type { UserStatus, WebhookType } from "../../../lib/astra/schemas";

/** At most this many users and intents are listed; a sandbox app rarely has more. */
export const DASHBOARD_LIST_LIMIT = 200;

export interface IntentSummary {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** A user status or `converted_to_user`. */
  status: string;
  userId: string | null;
  createdAt: Date;
}

export interface UserSummary {
  id: string;
  firstName: string;
  lastName: string;
  phone: string;
  status: UserStatus;
  accountCount: number;
  createdAt: Date;
}

/** What deleting a user takes with it, shown on the confirmation page. */
export interface UserFootprint {
  accounts: number;
  routines: number;
  transfers: number;
}

export type DeliveryState = "delivered" | "pending" | "given_up";

export interface DeliveryAttempt {
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
}

export interface WebhookLogEntry {
  webhookId: string;
  type: WebhookType;
  userId: string | null;
  resourceId: string;
  createdAt: Date;
  state: DeliveryState;
  nextAttemptAt: Date | null;
  attempts: DeliveryAttempt[];
}

interface EventRow {
  webhook_id: string;
  webhook_type: WebhookType;
  user_id: string | null;
  resource_id: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number | null;
  delivered_at: number | null;
}

interface AttemptRow {
  webhook_id: string;
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: number;
}

/** An event nobody has tried yet (attempts 0) still counts as pending. */
function deliveryState(row: EventRow): DeliveryState {
  if (row.delivered_at !== null) return "delivered";
  if (row.next_attempt_at !== null || row.attempts === 0) return "pending";
  return "given_up";
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function createDashboardStore(db: Database) {
  const intents = db.prepare<[string, number], Record<string, string | number | null>>(
    `SELECT id, first_name, last_name, email, phone, status, user_id, created_at FROM user_intents
     WHERE client_id = ? ORDER BY created_at DESC, id LIMIT ?`,
  );
  const users = db.prepare<[string, number], Record<string, string | number>>(
    `SELECT u.id, u.first_name, u.last_name, u.phone, u.status, u.created_at,
       (SELECT COUNT(*) FROM accounts a WHERE a.user_id = u.id) AS account_count
     FROM users u WHERE u.client_id = ? ORDER BY u.created_at DESC, u.id LIMIT ?`,
  );
  const countUsersByApp = db.prepare<[string], { client_id: string; n: number }>(
    `SELECT a.client_id, COUNT(u.id) AS n FROM apps a LEFT JOIN users u ON u.client_id = a.client_id
     WHERE a.developer_id = ? GROUP BY a.client_id`,
  );
  const userOfApp = db.prepare<[string, string], { id: string }>("SELECT id FROM users WHERE id = ? AND client_id = ?");
  const footprint = db.prepare<[string, string, string], UserFootprint>(
    `SELECT (SELECT COUNT(*) FROM accounts WHERE user_id = ?) AS accounts,
       (SELECT COUNT(*) FROM routines WHERE user_id = ?) AS routines,
       (SELECT COUNT(*) FROM transfers WHERE user_id = ?) AS transfers`,
  );
  const countEvents = db.prepare<[string], number>("SELECT COUNT(*) FROM webhook_events WHERE client_id = ?").pluck();
  const events = db.prepare<[string, number, number], EventRow>(
    `SELECT * FROM webhook_events WHERE client_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
  );

  // Tables whose rows point at the user without ON DELETE CASCADE; routines and transfers cascade, and
  // user_intents.user_id is SET NULL so the intent stays listed as history.
  const ownedWithoutCascade = ["accounts", "authorization_codes", "access_tokens", "refresh_tokens", "module_sessions", "token_grants"];
  const deleteOwned = ownedWithoutCascade.map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE user_id = ?`));
  const deleteUser = db.prepare<[string, string]>("DELETE FROM users WHERE id = ? AND client_id = ?");
  const removeUser = db.transaction((clientId: string, userId: string): boolean => {
    if (!userOfApp.get(userId, clientId)) return false;
    // Routines go first so their transfers cascade before accounts disappear under them.
    db.prepare<[string]>("DELETE FROM routines WHERE user_id = ?").run(userId);
    for (const statement of deleteOwned) statement.run(userId);
    return deleteUser.run(userId, clientId).changes === 1;
  });

  return {
    async listIntents(clientId: string): Promise<IntentSummary[]> {
      return intents.all(clientId, DASHBOARD_LIST_LIMIT).map((row) => ({
        id: String(row.id),
        firstName: String(row.first_name),
        lastName: String(row.last_name),
        email: String(row.email),
        phone: String(row.phone),
        status: String(row.status),
        userId: row.user_id === null ? null : String(row.user_id),
        createdAt: new Date(Number(row.created_at)),
      }));
    },
    async listUsers(clientId: string): Promise<UserSummary[]> {
      return users.all(clientId, DASHBOARD_LIST_LIMIT).map((row) => ({
        id: String(row.id),
        firstName: String(row.first_name),
        lastName: String(row.last_name),
        phone: String(row.phone),
        status: row.status as UserStatus,
        accountCount: Number(row.account_count),
        createdAt: new Date(Number(row.created_at)),
      }));
    },
    /** Users per app of one developer, keyed by client id (apps without users map to 0). */
    async userCounts(developerId: string): Promise<Map<string, number>> {
      return new Map(countUsersByApp.all(developerId).map((row) => [row.client_id, row.n]));
    },
    /** Null when the user does not belong to this app. */
    async userFootprint(clientId: string, userId: string): Promise<UserFootprint | null> {
      return userOfApp.get(userId, clientId) ? (footprint.get(userId, userId, userId) ?? null) : null;
    },
    /** Deletes the user and everything of theirs in one transaction, which frees their phone number. */
    async deleteUser(clientId: string, userId: string): Promise<boolean> {
      return removeUser(clientId, userId);
    },
    /** Newest first, each event with its delivery attempts (oldest attempt first). */
    async webhookLog(clientId: string, limit: number, offset: number): Promise<{ total: number; entries: WebhookLogEntry[] }> {
      const rows = events.all(clientId, limit, offset);
      const attemptsById = new Map<string, DeliveryAttempt[]>();
      if (rows.length > 0) {
        const placeholders = rows.map(() => "?").join(", ");
        const attemptRows = db
          .prepare<string[], AttemptRow>(
            `SELECT * FROM webhook_deliveries WHERE webhook_id IN (${placeholders}) ORDER BY attempted_at, id`,
          )
          .all(...rows.map((row) => row.webhook_id));
        for (const row of attemptRows) {
          const list = attemptsById.get(row.webhook_id) ?? [];
          list.push({
            url: row.url,
            statusCode: row.status_code,
            error: row.error,
            durationMs: row.duration_ms,
            attemptedAt: new Date(row.attempted_at),
          });
          attemptsById.set(row.webhook_id, list);
        }
      }
      const entries = rows.map((row) => ({
        webhookId: row.webhook_id,
        type: row.webhook_type,
        userId: row.user_id,
        resourceId: row.resource_id,
        createdAt: new Date(row.created_at),
        state: deliveryState(row),
        nextAttemptAt: toDate(row.next_attempt_at),
        attempts: attemptsById.get(row.webhook_id) ?? [],
      }));
      return { total: countEvents.get(clientId) ?? 0, entries };
    },
    async countWebhookEvents(clientId: string): Promise<number> {
      return countEvents.get(clientId) ?? 0;
    },
  };
}
