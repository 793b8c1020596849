// Faults injected through the control API: the next N matching requests answer an error status or slow down.
import { newId } from "../lib/ids";
import { LimitReachedError } from "./limits";
import type { Sql } from "./sql/port";

/** Active faults (remaining > 0) one user may hold; outside visitor scope, one app's app-wide faults. */
export const MAX_ACTIVE_FAULTS = 20;

export type FaultMethod = "GET" | "POST" | "PUT" | "DELETE" | "*";

export interface FaultRecord {
  id: string;
  clientId: string;
  method: FaultMethod;
  /** An exact path, or a prefix ending in "*". */
  path: string;
  status: number | null;
  delayMs: number | null;
  /** How many more matching requests this fault hits. */
  remaining: number;
  createdAt: Date;
  /** Visitor scope: the one user whose API calls this fault hits; null hits every request of the app. */
  userId: string | null;
}

export type NewFault = Pick<FaultRecord, "method" | "path" | "status" | "delayMs"> & { count: number };

/** The request a fault may hit, made for the app `clientId` (requests that name no app are never faulted). */
export interface FaultTarget {
  method: string;
  path: string;
  clientId: string;
  /** The user the request acts for (its bearer token's), if known. */
  userId?: string | null;
}

interface FaultRow {
  id: string;
  client_id: string;
  method: FaultMethod;
  path: string;
  status: number | null;
  delay_ms: number | null;
  remaining: number;
  created_at: number;
  user_id: string | null;
}

const toFault = (row: FaultRow): FaultRecord => ({
  id: row.id,
  clientId: row.client_id,
  method: row.method,
  path: row.path,
  status: row.status,
  delayMs: row.delay_ms,
  remaining: row.remaining,
  createdAt: new Date(row.created_at),
  userId: row.user_id,
});

export function faultMatches(fault: Pick<FaultRecord, "method" | "path">, method: string, path: string): boolean {
  if (fault.method !== "*" && fault.method !== method.toUpperCase()) return false;
  return fault.path.endsWith("*") ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

export function createFaultsStore(sql: Sql) {
  const insert = sql.prepare<[string, string, string, string, number | null, number | null, number, number]>(
    `INSERT INTO faults (id, client_id, method, path, status, delay_ms, remaining, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forClient = sql.prepare<[string], FaultRow>(
    "SELECT * FROM faults WHERE client_id = ? ORDER BY created_at, rowid",
  );
  // A user's own faults and the app-wide ones ('' matches no user id, so a request with no user sees only those).
  const activeFor = sql.prepare<[string, string], FaultRow>(
    `SELECT * FROM faults WHERE client_id = ? AND remaining > 0 AND (user_id IS NULL OR user_id = ?)
     ORDER BY created_at, rowid`,
  );
  const activeOfOwner = sql
    .prepare<{ client: string; user: string | null }, number>(
      `SELECT COUNT(*) FROM faults WHERE client_id = @client AND remaining > 0
       AND (user_id = @user OR (CAST(@user AS TEXT) IS NULL AND user_id IS NULL))`,
    )
    .pluck();
  const anyActive = sql
    .prepare<[], number>("SELECT CASE WHEN EXISTS (SELECT 1 FROM faults WHERE remaining > 0) THEN 1 ELSE 0 END")
    .pluck();
  const decrement = sql.prepare<[string]>("UPDATE faults SET remaining = remaining - 1 WHERE id = ? AND remaining > 0");
  const clear = sql.prepare<[string]>("DELETE FROM faults WHERE client_id = ?");
  // Visitor scope (hosted demo): faults that belong to one user.
  const scopeToUser = sql.prepare<[string, string]>("UPDATE faults SET user_id = ? WHERE id = ?");
  const clearForUser = sql.prepare<[string, string]>("DELETE FROM faults WHERE client_id = ? AND user_id = ?");

  return {
    /**
     * `userId` (visitor scope): the fault hits only that user's API calls. Throws past MAX_ACTIVE_FAULTS for the
     * same user (or app-wide).
     */
    async create(clientId: string, fault: NewFault, now: Date, userId: string | null = null): Promise<FaultRecord> {
      const id = newId();
      await sql.transaction(async () => {
        if (((await activeOfOwner.get({ client: clientId, user: userId })) ?? 0) >= MAX_ACTIVE_FAULTS) {
          throw new LimitReachedError(
            `${MAX_ACTIVE_FAULTS} faults are active already; clear them (DELETE /sandbox/faults) before adding more.`,
            null,
            409,
          );
        }
        await insert.run(
          id,
          clientId,
          fault.method,
          fault.path,
          fault.status,
          fault.delayMs,
          fault.count,
          now.getTime(),
        );
        if (userId !== null) await scopeToUser.run(userId, id);
      });
      const { method, path, status, delayMs, count } = fault;
      return { id, clientId, method, path, status, delayMs, remaining: count, createdAt: now, userId };
    },
    /** Oldest first, including used-up faults (remaining 0) until they are cleared. Only `userId`'s when given. */
    async list(clientId: string, userId: string | null = null): Promise<FaultRecord[]> {
      return (await forClient.all(clientId)).map(toFault).filter((fault) => userId === null || fault.userId === userId);
    },
    async clear(clientId: string, userId: string | null = null): Promise<number> {
      return (userId === null ? await clear.run(clientId) : await clearForUser.run(clientId, userId)).changes;
    },
    /** Cheap check the middleware makes on every request before doing any more work. */
    async anyActive(): Promise<boolean> {
      return (await anyActive.get()) === 1;
    },
    /** Uses up one hit of the oldest active fault that matches the request; null when none does. */
    async take(target: FaultTarget): Promise<FaultRecord | null> {
      const matching = async () =>
        (await activeFor.all(target.clientId, target.userId ?? "")).filter((row) =>
          faultMatches(row, target.method, target.path),
        );
      // A plain read first: only a request a fault may hit takes the write lock.
      if ((await matching()).length === 0) return null;
      // Match again and decrement in one transaction, so N parallel requests use up a count of N exactly.
      return sql.transaction(async () => {
        for (const row of await matching()) {
          if ((await decrement.run(row.id)).changes === 1) return toFault({ ...row, remaining: row.remaining - 1 });
        }
        return null;
      });
    },
  };
}
