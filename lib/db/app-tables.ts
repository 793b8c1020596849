// The app's own tables, created lazily under an advisory lock (instances starting together race on CREATE TABLE).
import "server-only";
import type { Pool, PoolClient } from "pg";

export const RETENTION = {
  webhookIds: "7 days",
  tokenSuccessors: "10 minutes",
  userEvents: "1 hour",
} as const;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS app_webhook_ids (
    webhook_id text PRIMARY KEY,
    seen_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS app_webhook_ids_seen_at ON app_webhook_ids (seen_at);

  CREATE TABLE IF NOT EXISTS app_token_successors (
    old_hash text PRIMARY KEY,
    jwe text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS app_token_successors_at ON app_token_successors (at);

  CREATE TABLE IF NOT EXISTS app_user_events (
    id bigserial PRIMARY KEY,
    user_id text NOT NULL,
    type text NOT NULL,
    resource_id text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS app_user_events_user_id ON app_user_events (user_id, id);
  CREATE INDEX IF NOT EXISTS app_user_events_at ON app_user_events (at);

  CREATE TABLE IF NOT EXISTS app_stream_slots (
    id text PRIMARY KEY,
    user_id text NOT NULL,
    address text NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX IF NOT EXISTS app_stream_slots_user ON app_stream_slots (user_id);
  CREATE INDEX IF NOT EXISTS app_stream_slots_address ON app_stream_slots (address);
  CREATE INDEX IF NOT EXISTS app_stream_slots_expires_at ON app_stream_slots (expires_at);
`;

const ready = new WeakMap<Pool, Promise<void>>();

/** A client that cannot roll back is broken: release(error) makes the pool drop it. */
export async function rollBack(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query("ROLLBACK");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function createTables(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('astra-app:tables', 0))");
    await client.query(SCHEMA);
    await client.query("COMMIT");
  } catch (error) {
    broken = await rollBack(client);
    throw error;
  } finally {
    client.release(broken);
  }
}

export function ensureAppTables(pool: Pool): Promise<void> {
  let promise = ready.get(pool);
  if (!promise) {
    promise = createTables(pool);
    ready.set(pool, promise);
    promise.catch(() => ready.delete(pool));
  }
  return promise;
}

export function pruneTimer(everyMs = 10 * 60_000): () => boolean {
  let last = 0;
  return () => {
    const now = Date.now();
    if (now - last < everyMs) return false;
    last = now;
    return true;
  };
}

export async function pruneAppTables(pool: Pool): Promise<void> {
  await ensureAppTables(pool);
  await pool.query(`DELETE FROM app_webhook_ids WHERE seen_at < now() - interval '${RETENTION.webhookIds}'`);
  await pool.query(`DELETE FROM app_token_successors WHERE at < now() - interval '${RETENTION.tokenSuccessors}'`);
  await pool.query(`DELETE FROM app_user_events WHERE at < now() - interval '${RETENTION.userEvents}'`);
}
