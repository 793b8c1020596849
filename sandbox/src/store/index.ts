// The emulator's store: SQLite behind async functions, so a hosted deployment can swap in Postgres.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createAccountsStore } from "./accounts";
import { createAppsStore, type NewDeveloperApp } from "./apps";
import { createModuleSessionsStore } from "./module-sessions";
import { SCHEMA_SQL } from "./schema";
import { DEFAULT_APP, seedIfEmpty } from "./seed";
import { createTokensStore } from "./tokens";
import { createUsersStore } from "./users";

export interface StoreOptions {
  /** The developer app seeded into an empty store. */
  app?: NewDeveloperApp;
  /** Creation time of the seeded rows. */
  now?: Date;
}

export function createStore(file: string, options: StoreOptions = {}) {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  if (file !== ":memory:") db.pragma("journal_mode = WAL");
  db.exec(SCHEMA_SQL);
  seedIfEmpty(db, options.app ?? DEFAULT_APP, options.now ?? new Date());

  return {
    apps: createAppsStore(db),
    users: createUsersStore(db),
    accounts: createAccountsStore(db),
    tokens: createTokensStore(db),
    moduleSessions: createModuleSessionsStore(db),
    async close(): Promise<void> {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export type { DeveloperApp } from "./apps";
export { DEFAULT_APP, DEMO_USER_PHONE } from "./seed";
