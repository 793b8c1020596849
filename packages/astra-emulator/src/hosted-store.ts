// The store a hosted emulator runs on, built in this one place: Postgres when the deployment has a database URL
// (many instances share it), otherwise a SQLite file. It goes through store/open, which loads better-sqlite3
// only when SQLite is chosen, so a deployment on Postgres never loads the native module.
import { seedAppOf, type AppKeys } from "./lib/app-keys";
import { openStore } from "./store/open";
import type { PostgresOptions } from "./store/sql/postgres";
import type { Store } from "./store/wire";

/**
 * A Postgres database (`DATABASE_URL` / `POSTGRES_URL`), or a SQLite file (":memory:" for tests). `onPool` gets
 * the Postgres pool, for a host that releases its connections when an instance is suspended.
 */
export type HostedStoreLocation = { databaseUrl: string; onPool?: PostgresOptions["onPool"] } | { file: string };

/** Opens (and on first use seeds with `app`) the store of a hosted emulator. */
export async function openHostedStore(location: HostedStoreLocation, app: AppKeys): Promise<Store> {
  const where = "databaseUrl" in location ? { ...location, file: "" } : location;
  return openStore({ ...where, app: seedAppOf(app) });
}
