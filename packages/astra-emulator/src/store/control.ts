// The control API's writes that no Astra endpoint makes: reset an app's sandbox data, force token expiry,
// and count token grants (so tests can check how many refreshes a client made).
import { insertSeedUser } from "./seed";
import type { Sql } from "./sql/port";
import type { GrantType } from "./tokens";
export type GrantCounts = Record<GrantType, number>;

// Children before parents, because of the foreign keys; webhook_deliveries go with their events (cascade).
// Deleting an app in the dashboard (store/dashboard.ts) runs the same list, so a new table belongs here.
// Each statement takes the app's client id as `@client_id`; prepareWipeByClient runs them in order.
export const WIPE_BY_CLIENT = [
  "DELETE FROM webhook_events WHERE client_id = @client_id",
  "DELETE FROM token_grants WHERE client_id = @client_id",
  "DELETE FROM authorization_codes WHERE client_id = @client_id",
  "DELETE FROM access_tokens WHERE client_id = @client_id",
  "DELETE FROM refresh_tokens WHERE client_id = @client_id",
  "DELETE FROM module_sessions WHERE client_id = @client_id",
  "DELETE FROM transfers WHERE client_id = @client_id",
  "DELETE FROM routines WHERE client_id = @client_id",
  "DELETE FROM accounts WHERE user_id IN (SELECT id FROM users WHERE client_id = @client_id)",
  "DELETE FROM user_intents WHERE client_id = @client_id",
  "DELETE FROM users WHERE client_id = @client_id",
  "DELETE FROM faults WHERE client_id = @client_id",
  // Scopes are "client:<id>:<hash> POST /path" or "user:<user>:<id> POST /path" (lib/idempotency.ts). Neither
  // GLOB nor a case-sensitive LIKE is portable, so the first is a prefix compare and the second asks whether
  // ":<id> " occurs after "user:" (replacing it changes the text only if it does).
  `DELETE FROM idempotency_keys WHERE substr(scope, 1, 7) = 'client:'
     AND substr(scope, 8, length(CAST(@client_id AS TEXT)) + 1) = CAST(@client_id AS TEXT) || ':'`,
  `DELETE FROM idempotency_keys WHERE substr(scope, 1, 5) = 'user:'
     AND replace(substr(scope, 6), ':' || CAST(@client_id AS TEXT) || ' ', '') <> substr(scope, 6)`,
];

/** Prepares WIPE_BY_CLIENT once; the returned function runs it for one app (call inside a transaction). */
export function prepareWipeByClient(sql: Sql): (clientId: string) => Promise<void> {
  const wipes = WIPE_BY_CLIENT.map((text) => sql.prepare<{ client_id: string }>(text));
  return async (clientId) => {
    for (const wipe of wipes) await wipe.run({ client_id: clientId });
  };
}

export function createControlStore(sql: Sql) {
  const wipeByClient = prepareWipeByClient(sql);
  const expireAccess = sql.prepare<[number, string, string, number]>(
    `UPDATE access_tokens SET expires_at = ?
     WHERE user_id = ? AND client_id = ? AND revoked_at IS NULL AND expires_at > ?`,
  );
  const expireRefresh = sql.prepare<[number, string, string, number]>(
    "UPDATE refresh_tokens SET expires_at = ? WHERE user_id = ? AND client_id = ? AND expires_at > ?",
  );
  const grantCounts = sql.prepare<[string, string], { grant_type: string; n: number }>(
    "SELECT grant_type, COUNT(*) AS n FROM token_grants WHERE client_id = ? AND user_id = ? GROUP BY grant_type",
  );

  return {
    /** Deletes everything of this app except the app itself, then seeds the seed user and accounts again. */
    async resetApp(clientId: string, now: Date): Promise<void> {
      await sql.transaction(async () => {
        await wipeByClient(clientId);
        await insertSeedUser(sql, clientId, now);
      });
    },
    /** The user's valid access tokens for this app expire at `now`; returns how many did. */
    async expireAccessTokens(clientId: string, userId: string, now: Date): Promise<number> {
      return (await expireAccess.run(now.getTime(), userId, clientId, now.getTime())).changes;
    },
    /** Every unexpired refresh token of the user for this app expires at `now`; returns how many did. */
    async expireRefreshTokens(clientId: string, userId: string, now: Date): Promise<number> {
      return (await expireRefresh.run(now.getTime(), userId, clientId, now.getTime())).changes;
    },
    async tokenGrantCounts(clientId: string, userId: string): Promise<GrantCounts> {
      const counts: GrantCounts = { authorization_code: 0, refresh_token: 0 };
      for (const row of await grantCounts.all(clientId, userId)) {
        if (row.grant_type === "authorization_code" || row.grant_type === "refresh_token")
          counts[row.grant_type] = row.n;
      }
      return counts;
    },
  };
}
