// The store on SQLite (better-sqlite3): the local default, one process, a file or `:memory:`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateSqlite } from "./migrate";
import { DEFAULT_APP, seedIfEmpty } from "./seed";
import { sqliteSql } from "./sql/sqlite";
import { whenReady } from "./sql/when-ready";
import { wireStore, type Store, type StoreOptions } from "./wire";

export function createStore(file: string, options: StoreOptions = {}): Store {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  if (file !== ":memory:") db.pragma("journal_mode = WAL");
  // The tables exist before the modules prepare their statements (better-sqlite3 checks them at prepare time);
  // the seed goes through the port, and every statement waits for it.
  try {
    migrateSqlite(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const app = options.app ?? DEFAULT_APP;
  const now = options.now ?? new Date();
  return wireStore(whenReady(sqliteSql(db), (sql) => seedIfEmpty(sql, app, now)));
}
