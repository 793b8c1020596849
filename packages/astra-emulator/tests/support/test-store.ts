// The store a test gets: SQLite in memory in the `sandbox` project, or a fresh Postgres database in the
// `emulator-pg` project (whose global setup provides `databaseUrl`). Each Postgres store is a database cloned from
// a template that already has the tables (CREATE DATABASE … TEMPLATE), the cheapest fresh store measured
// (packages/astra-emulator/docs/store.md); the stores a test file opened are closed after it (postgres-store-setup.ts).
import pg from "pg";
import { inject } from "vitest";
import Database from "better-sqlite3";
import { createStore, type Store, type StoreOptions } from "../../src/store";
import { migrateSqlite } from "../../src/store/migrate";
import { postgresStoreOn } from "../../src/store/postgres-store";
import { DEFAULT_APP, seedIfEmpty } from "../../src/store/seed";
import type { Sql } from "../../src/store/sql/port";
import { postgresSql } from "../../src/store/sql/postgres";
import { sqliteSql } from "../../src/store/sql/sqlite";
import { whenReady } from "../../src/store/sql/when-ready";
import { wireStore } from "../../src/store/wire";
import { databaseUrl, freshDatabaseName, TEMPLATE_DATABASE } from "./postgres-test-data";

const opened: Store[] = [];
/** The databases this file made, each once its CREATE DATABASE has settled. */
const made: { name: string; created: Promise<void> }[] = [];
let admin: pg.Pool | undefined;

/** The Postgres server of this run, or undefined in the SQLite project. */
export function testDatabaseUrl(): string | undefined {
  return inject("databaseUrl") as string | undefined;
}

async function createDatabase(serverUrl: string, name: string): Promise<void> {
  admin ??= new pg.Pool({ connectionString: serverUrl, max: 1, idleTimeoutMillis: 1_000 });
  // FILE_COPY copies the template's files: faster than the default WAL_LOG for a database this small.
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} STRATEGY FILE_COPY`);
}

/** Where a store lives: `open()` again reaches the same data, as a restarted emulator or a second instance would. */
export interface TestStorePlace {
  /** `wrap` sees every statement the store runs (tests/support/counting-sql.ts). */
  open(options?: StoreOptions, wrap?: (sql: Sql) => Sql): Store;
  /** Postgres only: the database's URL (for a second, raw connection). */
  url?: string;
}

/** A fresh, empty place for a store: a new database on Postgres, or (on SQLite) `file`, default `:memory:`. */
export function freshStorePlace(file = ":memory:"): TestStorePlace {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl)
    return { open: (options, wrap) => (wrap ? wrappedSqliteStore(file, wrap, options) : createStore(file, options)) };
  const name = freshDatabaseName();
  const url = databaseUrl(serverUrl, name);
  const created = createDatabase(serverUrl, name);
  made.push({ name, created });
  return {
    url,
    open(options, wrap = (sql) => sql) {
      // The store's first statement (its schema check and seed) waits until the database exists.
      const sql = whenReady(wrap(postgresSql(url, { max: 3 })), () => created);
      const store = postgresStoreOn(sql, options);
      opened.push(store);
      return store;
    },
  };
}

/** createStore's SQLite store, its SQL port passed through `wrap`. */
function wrappedSqliteStore(file: string, wrap: (sql: Sql) => Sql, options: StoreOptions = {}): Store {
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  migrateSqlite(db);
  const now = options.now ?? new Date();
  return wireStore(whenReady(wrap(sqliteSql(db)), (sql) => seedIfEmpty(sql, options.app ?? DEFAULT_APP, now)));
}

/** A fresh store of this project's engine, seeded as the emulator seeds an empty store. */
export function createTestStore(options?: StoreOptions): Store {
  return freshStorePlace().open(options);
}

/**
 * Closes every Postgres store this file opened (their pools would otherwise hold connections), then drops their
 * databases: each is a few megabytes of files, and a whole run makes hundreds.
 */
export async function closeTestStores(): Promise<void> {
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
  for (const { name, created } of made.splice(0)) {
    await created.catch(() => undefined);
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await admin?.end();
  admin = undefined;
}
