// Read models for the developer dashboard (an app's users, intents and webhook log), straight from the tables,
// plus its one destructive action: deleting a user and everything of theirs.
import type { UserStatus } from "../wire-schemas";
import { prepareWipeByClient } from "./control";
import type { Sql } from "./sql/port";

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

export function createDashboardStore(sql: Sql) {
  const intents = sql.prepare<[string, number], Record<string, string | number | null>>(
    `SELECT id, first_name, last_name, email, phone, status, user_id, created_at FROM user_intents
     WHERE client_id = ? ORDER BY created_at DESC, id LIMIT CAST(? AS BIGINT)`,
  );
  const users = sql.prepare<[string, number], Record<string, string | number>>(
    `SELECT u.id, u.first_name, u.last_name, u.phone, u.status, u.created_at,
       (SELECT COUNT(*) FROM accounts a WHERE a.user_id = u.id) AS account_count
     FROM users u WHERE u.client_id = ? ORDER BY u.created_at DESC, u.id LIMIT CAST(? AS BIGINT)`,
  );
  const countUsersByApp = sql.prepare<[string], { client_id: string; n: number }>(
    `SELECT a.client_id, COUNT(u.id) AS n FROM apps a LEFT JOIN users u ON u.client_id = a.client_id
     WHERE a.developer_id = ? GROUP BY a.client_id`,
  );
  const userOfApp = sql.prepare<[string, string], { id: string }>(
    "SELECT id FROM users WHERE id = ? AND client_id = ?",
  );
  const footprint = sql.prepare<[string, string, string], UserFootprint>(
    `SELECT (SELECT COUNT(*) FROM accounts WHERE user_id = ?) AS accounts,
       (SELECT COUNT(*) FROM routines WHERE user_id = ?) AS routines,
       (SELECT COUNT(*) FROM transfers WHERE user_id = ?) AS transfers`,
  );

  // Tables whose rows point at the user without ON DELETE CASCADE; routines and transfers cascade, and
  // user_intents.user_id is SET NULL so the intent stays listed as history.
  const ownedWithoutCascade = [
    "accounts",
    "authorization_codes",
    "access_tokens",
    "refresh_tokens",
    "module_sessions",
    "token_grants",
  ];
  const deleteOwned = ownedWithoutCascade.map((table) =>
    sql.prepare<[string]>(`DELETE FROM ${table} WHERE user_id = ?`),
  );
  const deleteRoutines = sql.prepare<[string]>("DELETE FROM routines WHERE user_id = ?");
  const deleteUser = sql.prepare<[string, string]>("DELETE FROM users WHERE id = ? AND client_id = ?");
  const removeUser = (clientId: string, userId: string): Promise<boolean> =>
    sql.transaction(async () => {
      if (!(await userOfApp.get(userId, clientId))) return false;
      // Routines go first so their transfers cascade before accounts disappear under them.
      await deleteRoutines.run(userId);
      for (const statement of deleteOwned) await statement.run(userId);
      return (await deleteUser.run(userId, clientId)).changes === 1;
    });

  const intentOfApp = sql.prepare<[string, string], { user_id: string | null }>(
    "SELECT user_id FROM user_intents WHERE id = ? AND client_id = ?",
  );
  const deleteIntent = sql.prepare<[string, string]>("DELETE FROM user_intents WHERE id = ? AND client_id = ?");
  const removeIntent = (clientId: string, intentId: string): Promise<{ userDeleted: boolean } | null> =>
    sql.transaction(async () => {
      const intent = await intentOfApp.get(intentId, clientId);
      if (!intent) return null;
      // Joins this transaction: the user and the intent go together or not at all.
      const userDeleted = intent.user_id ? await removeUser(clientId, intent.user_id) : false;
      await deleteIntent.run(intentId, clientId);
      return { userDeleted };
    });

  const wipeApp = prepareWipeByClient(sql);
  const appOfDeveloper = sql
    .prepare<[string, string], number>("SELECT 1 FROM apps WHERE client_id = ? AND developer_id = ?")
    .pluck();
  const deleteApp = sql.prepare<[string, string]>("DELETE FROM apps WHERE client_id = ? AND developer_id = ?");

  return {
    async listIntents(clientId: string): Promise<IntentSummary[]> {
      return (await intents.all(clientId, DASHBOARD_LIST_LIMIT)).map((row) => ({
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
      return (await users.all(clientId, DASHBOARD_LIST_LIMIT)).map((row) => ({
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
      return new Map((await countUsersByApp.all(developerId)).map((row) => [row.client_id, row.n]));
    },
    /** Null when the user does not belong to this app. */
    async userFootprint(clientId: string, userId: string): Promise<UserFootprint | null> {
      return (await userOfApp.get(userId, clientId)) ? ((await footprint.get(userId, userId, userId)) ?? null) : null;
    },
    /** Deletes the user and everything of theirs in one transaction, which frees their phone number. */
    async deleteUser(clientId: string, userId: string): Promise<boolean> {
      return removeUser(clientId, userId);
    },
    /** Deletes a user intent and, once converted, its user with everything of theirs; null when not this app's. */
    async deleteUserIntent(clientId: string, intentId: string): Promise<{ userDeleted: boolean } | null> {
      return removeIntent(clientId, intentId);
    },
    /** Deletes one of the developer's apps with its users, intents, tokens, routines and webhook log, in one transaction. */
    async deleteApp(developerId: string, clientId: string): Promise<boolean> {
      return sql.transaction(async () => {
        if (!(await appOfDeveloper.get(clientId, developerId))) return false;
        await wipeApp(clientId);
        return (await deleteApp.run(clientId, developerId)).changes === 1;
      });
    },
  };
}
