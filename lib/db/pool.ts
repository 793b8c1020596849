// The app's one Postgres pool, created on first use, only when DATABASE_URL or POSTGRES_URL is set.
import "server-only";
import { attachDatabasePool } from "@vercel/functions";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";

const IDLE_TIMEOUT_MS = 5_000;

export function createDatabasePool(connectionString: string): Pool {
  const pool = new Pool({ connectionString, idleTimeoutMillis: IDLE_TIMEOUT_MS, connectionTimeoutMillis: 10_000 });
  // Without a listener an idle client's lost connection would crash the process.
  pool.on("error", (error) => {
    console.error(JSON.stringify({ event: "database_pool_error", message: error.message }));
  });
  // The idle timer stops while Vercel suspends an instance; this holds it until idle connections close.
  attachDatabasePool(pool);
  return pool;
}

// proxy.ts and the routes are separate bundles in one process: one pool, on globalThis.
const shared = globalThis as typeof globalThis & { __appDatabasePool?: Pool };

export function getDatabasePool(): Pool | null {
  const url = getEnv().databaseUrl;
  if (!url) return null;
  shared.__appDatabasePool ??= createDatabasePool(url);
  return shared.__appDatabasePool;
}
