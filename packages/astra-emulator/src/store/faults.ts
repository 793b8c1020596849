// Faults injected through the control API: the next N matching requests, or every matching request for a window
// that opens at the first, answer an error status or slow down.
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
  /** How many more matching requests this fault hits; for a window fault, 1 until its window opens. */
  remaining: number;
  /** A window fault hits every matching request for this long (real time) from the first one it hits. */
  windowMs: number | null;
  windowEndsAt: Date | null;
  createdAt: Date;
  /** Visitor scope: the one user whose API calls this fault hits; null hits every request of the app. */
  userId: string | null;
}

export type NewFault = Pick<FaultRecord, "method" | "path" | "status" | "delayMs"> &
  ({ count: number; windowMs?: undefined } | { count?: undefined; windowMs: number });

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
  window_ms: number | null;
  window_ends_at: number | null;
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
  windowMs: row.window_ms,
  windowEndsAt: row.window_ends_at === null ? null : new Date(row.window_ends_at),
});

export function faultMatches(fault: Pick<FaultRecord, "method" | "path">, method: string, path: string): boolean {
  if (fault.method !== "*" && fault.method !== method.toUpperCase()) return false;
  return fault.path.endsWith("*") ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

export function createFaultsStore(sql: Sql) {
  const insert = sql.prepare<
    [string, string, string, string, number | null, number | null, number, number, number | null]
  >(
    `INSERT INTO faults (id, client_id, method, path, status, delay_ms, remaining, created_at, window_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forClient = sql.prepare<[string], FaultRow>(
    "SELECT * FROM faults WHERE client_id = ? ORDER BY created_at, rowid",
  );
  // A user's own faults and the app-wide ones ('' matches no user id, so a request with no user sees only those).
  const activeFor = sql.prepare<[string, string, number], FaultRow>(
    `SELECT * FROM faults WHERE client_id = ? AND (user_id IS NULL OR user_id = ?)
     AND (remaining > 0 OR window_ends_at > ?) ORDER BY created_at, rowid`,
  );
  const activeOfOwner = sql
    .prepare<{ client: string; user: string | null; now: number }, number>(
      `SELECT COUNT(*) FROM faults WHERE client_id = @client AND (remaining > 0 OR window_ends_at > @now)
       AND (user_id = @user OR (CAST(@user AS TEXT) IS NULL AND user_id IS NULL))`,
    )
    .pluck();
  const anyActive = sql
    .prepare<[number], number>(
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM faults WHERE remaining > 0 OR window_ends_at > ?) THEN 1 ELSE 0 END",
    )
    .pluck();
  const decrement = sql.prepare<[string]>("UPDATE faults SET remaining = remaining - 1 WHERE id = ? AND remaining > 0");
  const openWindow = sql.prepare<[number, string]>(
    "UPDATE faults SET remaining = 0, window_ends_at = ? WHERE id = ? AND remaining > 0",
  );
  const inWindow = sql.prepare<[string, number], FaultRow>("SELECT * FROM faults WHERE id = ? AND window_ends_at > ?");
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
        if (
          ((await activeOfOwner.get({ client: clientId, user: userId, now: Date.now() })) ?? 0) >= MAX_ACTIVE_FAULTS
        ) {
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
          fault.count ?? 1,
          now.getTime(),
          fault.windowMs ?? null,
        );
        if (userId !== null) await scopeToUser.run(userId, id);
      });
      const { method, path, status, delayMs } = fault;
      const windowMs = fault.windowMs ?? null;
      const remaining = fault.count ?? 1;
      return {
        id,
        clientId,
        method,
        path,
        status,
        delayMs,
        remaining,
        createdAt: now,
        userId,
        windowMs,
        windowEndsAt: null,
      };
    },
    /** Oldest first, including used-up faults (remaining 0) until they are cleared. Only `userId`'s when given. */
    async list(clientId: string, userId: string | null = null): Promise<FaultRecord[]> {
      return (await forClient.all(clientId)).map(toFault).filter((fault) => userId === null || fault.userId === userId);
    },
    async clear(clientId: string, userId: string | null = null): Promise<number> {
      return (userId === null ? await clear.run(clientId) : await clearForUser.run(clientId, userId)).changes;
    },
    /** Cheap check the middleware makes on every request before doing any more work. */
    async anyActive(nowMs = Date.now()): Promise<boolean> {
      return (await anyActive.get(nowMs)) === 1;
    },
    /**
     * Uses up one hit of the oldest active fault that matches the request, or opens or joins a window fault's
     * window; null when none matches. `nowMs` is real time, the clock of the app's retries.
     */
    async take(target: FaultTarget, nowMs = Date.now()): Promise<FaultRecord | null> {
      const matching = async () =>
        (await activeFor.all(target.clientId, target.userId ?? "", nowMs)).filter((row) =>
          faultMatches(row, target.method, target.path),
        );
      // A plain read first: only a request a fault may hit takes the write lock.
      if ((await matching()).length === 0) return null;
      // Match again and decrement in one transaction, so N parallel requests use up a count of N exactly.
      return sql.transaction(async () => {
        for (const row of await matching()) {
          if (row.window_ms !== null) {
            const endsAt = nowMs + row.window_ms;
            if ((await openWindow.run(endsAt, row.id)).changes === 1) {
              return toFault({ ...row, remaining: 0, window_ends_at: endsAt });
            }
            const open = await inWindow.get(row.id, nowMs);
            if (open) return toFault(open);
          } else if ((await decrement.run(row.id)).changes === 1) {
            return toFault({ ...row, remaining: row.remaining - 1 });
          }
        }
        return null;
      });
    },
  };
}
