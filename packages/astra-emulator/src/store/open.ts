// Opens the emulator's store on the engine the configuration names: Postgres when a database URL is given (the
// hosted demo), otherwise the SQLite file. The SQLite side is imported only when chosen, so an instance on
// Postgres never loads the native better-sqlite3 module.
import { createPostgresStore, type PostgresStoreOptions } from "./postgres-store";
import type { Store } from "./wire";

export interface OpenStoreOptions extends PostgresStoreOptions {
  /** `DATABASE_URL` / `POSTGRES_URL`: Postgres when set. */
  databaseUrl?: string;
  /** The SQLite file (or `:memory:`) used when there is no database URL. */
  file: string;
}

export async function openStore({ databaseUrl, file, ...options }: OpenStoreOptions): Promise<Store> {
  if (databaseUrl) return createPostgresStore(databaseUrl, options);
  const { createStore } = await import("./sqlite-store");
  return createStore(file, options);
}
