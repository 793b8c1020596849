// The control API's writes that no Astra endpoint makes: reset an app's sandbox data, force token expiry,
// and count token grants (so tests can check how many refreshes a client made).
import type { Database } from "better-sqlite3";
import { insertDemoUser } from "./seed";
import type { GrantType } from "./tokens";
export type GrantCounts = Record<GrantType, number>;

// Children before parents, because of the foreign keys; webhook_deliveries go with their events (cascade).
// Deleting an app in the dashboard (store/dashboard.ts) runs the same list, so a new table belongs here.
export const WIPE_BY_CLIENT = [
  "DELETE FROM webhook_events WHERE client_id = ?",
  "DELETE FROM token_grants WHERE client_id = ?",
  "DELETE FROM authorization_codes WHERE client_id = ?",
  "DELETE FROM access_tokens WHERE client_id = ?",
  "DELETE FROM refresh_tokens WHERE client_id = ?",
  "DELETE FROM module_sessions WHERE client_id = ?",
  "DELETE FROM transfers WHERE client_id = ?",
  "DELETE FROM routines WHERE client_id = ?",
  "DELETE FROM accounts WHERE user_id IN (SELECT id FROM users WHERE client_id = ?)",
  "DELETE FROM user_intents WHERE client_id = ?",
  "DELETE FROM users WHERE client_id = ?",
  "DELETE FROM faults WHERE client_id = ?",
  // Scopes are "client:<id>:<hash> POST /path" or "user:<user>:<id> POST /path" (lib/idempotency.ts).
  "DELETE FROM idempotency_keys WHERE scope GLOB 'client:' || ? || ':*'",
  "DELETE FROM idempotency_keys WHERE scope GLOB 'user:*:' || ? || ' *'",
];

export function createControlStore(db: Database) {
  const wipes = WIPE_BY_CLIENT.map((sql) => db.prepare<[string]>(sql));
  const expireAccess = db.prepare<[number, string, string, number]>(
    `UPDATE access_tokens SET expires_at = ?
     WHERE user_id = ? AND client_id = ? AND revoked_at IS NULL AND expires_at > ?`,
  );
  const expireRefresh = db.prepare<[number, string, string, number]>(
    "UPDATE refresh_tokens SET expires_at = ? WHERE user_id = ? AND client_id = ? AND expires_at > ?",
  );
  const grantCounts = db.prepare<[string, string], { grant_type: string; n: number }>(
    "SELECT grant_type, COUNT(*) AS n FROM token_grants WHERE client_id = ? AND user_id = ? GROUP BY grant_type",
  );

  const reset = db.transaction((clientId: string, now: Date) => {
    for (const wipe of wipes) wipe.run(clientId);
    insertDemoUser(db, clientId, now);
  });

  return {
    /** Deletes everything of this app except the app itself, then seeds the demo user and accounts again. */
    async resetApp(clientId: string, now: Date): Promise<void> {
      reset(clientId, now);
    },
    /** The user's valid access tokens for this app expire at `now`; returns how many did. */
    async expireAccessTokens(clientId: string, userId: string, now: Date): Promise<number> {
      return expireAccess.run(now.getTime(), userId, clientId, now.getTime()).changes;
    },
    /** Every unexpired refresh token of the user for this app expires at `now`; returns how many did. */
    async expireRefreshTokens(clientId: string, userId: string, now: Date): Promise<number> {
      return expireRefresh.run(now.getTime(), userId, clientId, now.getTime()).changes;
    },
    async tokenGrantCounts(clientId: string, userId: string): Promise<GrantCounts> {
      const counts: GrantCounts = { authorization_code: 0, refresh_token: 0 };
      for (const row of grantCounts.all(clientId, userId)) {
        if (row.grant_type === "authorization_code" || row.grant_type === "refresh_token")
          counts[row.grant_type] = row.n;
      }
      return counts;
    },
  };
}
