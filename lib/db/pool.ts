// The app's one Postgres pool, for the state that many instances must share (lib/db/app-state.ts). Created on
// first use, never at build time, and only when DATABASE_URL or POSTGRES_URL is set.
import "server-only";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";

/**
 * Idle connections close after 5 s: on a serverless host a suspended instance would otherwise keep them open
 * against the database's limit. (Vercel's `attachDatabasePool` from `@vercel/functions` does the same at
 * suspension; the app does not depend on that package, see docs/architecture.md.)
 */
const IDLE_TIMEOUT_MS = 5_000;

export function createDatabasePool(connectionString: string): Pool {
  const pool = new Pool({ connectionString, idleTimeoutMillis: IDLE_TIMEOUT_MS, connectionTimeoutMillis: 10_000 });
  // An idle client can lose its connection (a database restart, a pooler closing it). Without a listener that
  // error would crash the process; the pool replaces the client on the next query.
  pool.on("error", (error) => {
    console.error(JSON.stringify({ event: "database_pool_error", message: error.message }));
  });
  return pool;
}

// proxy.ts and the app's routes are separate bundles in one server process: one pool for both, on globalThis.
const shared = globalThis as typeof globalThis & { __appDatabasePool?: Pool };

/** The shared pool, or null when no database is configured (state then stays in this process's memory). */
export function getDatabasePool(): Pool | null {
  const url = getEnv().databaseUrl;
  if (!url) return null;
  shared.__appDatabasePool ??= createDatabasePool(url);
  return shared.__appDatabasePool;
}
