// The store on Postgres (node-postgres): a hosted deployment's many instances share one database. Importing this
// module never loads better-sqlite3, so a serverless bundle that only uses Postgres can leave it out.
import { ensurePostgresSchema } from "./migrate";
import { DEFAULT_APP, seedIfEmpty } from "./seed";
import type { Sql } from "./sql/port";
import { postgresSql, type PostgresOptions } from "./sql/postgres";
import { whenReady } from "./sql/when-ready";
import { wireStore, type Store, type StoreOptions } from "./wire";

export interface PostgresStoreOptions extends StoreOptions {
  /** A schema of its own for the emulator's tables (made when missing); default: the connection's, `public`. */
  schema?: string;
  /** Connections per instance (default 10). */
  max?: number;
  onPool?: PostgresOptions["onPool"];
}

/**
 * Hands the store out at once; the schema is ensured and an empty store seeded on its first statement (once per
 * instance, under the write lock), never at build time.
 */
export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  return postgresStoreOn(
    postgresSql(url, { schema: options.schema, max: options.max, onPool: options.onPool }),
    options,
  );
}

/** The same on a port you built (the tests gate it until their database exists). */
export function postgresStoreOn(sql: Sql, options: PostgresStoreOptions = {}): Store {
  const app = options.app ?? DEFAULT_APP;
  const now = options.now ?? new Date();
  const ready = whenReady(sql, (raw) =>
    ensurePostgresSchema(raw, { schema: options.schema, seed: (tx) => seedIfEmpty(tx, app, now) }),
  );
  return wireStore(ready);
}
