// Idempotency-Key records: the first response to a (credential, method, path, key) is kept for 24 hours.
import type { Sql } from "./sql/port";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this with no response is treated as abandoned (its request died mid-way). */
const ABANDONED_AFTER_MS = 60 * 1000;

export type IdempotencyClaim =
  | { kind: "started" }
  | { kind: "replay"; statusCode: number; body: string }
  | { kind: "conflict" }
  | { kind: "in_progress" };

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: number;
}

export function createIdempotencyStore(sql: Sql) {
  const find = sql.prepare<[string, string], KeyRow>(
    "SELECT request_hash, status_code, response_body, created_at FROM idempotency_keys WHERE scope = ? AND key = ?",
  );
  const remove = sql.prepare<[string, string]>("DELETE FROM idempotency_keys WHERE scope = ? AND key = ?");
  const insert = sql.prepare<[string, string, string, number]>(
    "INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?)",
  );
  const finish = sql.prepare<[number, string, string, string]>(
    "UPDATE idempotency_keys SET status_code = ?, response_body = ? WHERE scope = ? AND key = ?",
  );

  return {
    /** Starts a request under `key`, or says how to answer because the key was seen before. */
    async claim(scope: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> {
      const at = now.getTime();
      // Read, then write, in one transaction: two requests with one key cannot both start.
      return sql.transaction(async (): Promise<IdempotencyClaim> => {
        let row = await find.get(scope, key);
        const expired = row && row.created_at <= at - IDEMPOTENCY_TTL_MS;
        const abandoned = row && row.status_code === null && row.created_at <= at - ABANDONED_AFTER_MS;
        if (row && (expired || abandoned)) {
          await remove.run(scope, key);
          row = undefined;
        }
        if (!row) {
          await insert.run(scope, key, requestHash, at);
          return { kind: "started" };
        }
        if (row.request_hash !== requestHash) return { kind: "conflict" };
        if (row.status_code === null) return { kind: "in_progress" };
        return { kind: "replay", statusCode: row.status_code, body: row.response_body ?? "" };
      });
    },
    /** Keeps the response of a claimed request for replay. */
    async complete(scope: string, key: string, statusCode: number, body: string): Promise<void> {
      await finish.run(statusCode, body, scope, key);
    },
    /** Forgets a claim whose response should not be replayed (a 5xx, say), so a retry runs again. */
    async release(scope: string, key: string): Promise<void> {
      await remove.run(scope, key);
    },
  };
}
