// The emulator's store: SQLite behind async functions, so a hosted deployment can swap in Postgres.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createAccountsStore } from "./accounts";
import { createAppClocksStore } from "./app-clocks";
import { createAppsStore, type NewDeveloperApp } from "./apps";
import { createControlStore } from "./control";
import { createDashboardStore } from "./dashboard";
import { createDevelopersStore } from "./developers";
import { createFaultsStore } from "./faults";
import { createIdempotencyStore } from "./idempotency";
import { createModuleSessionsStore } from "./module-sessions";
import { createRoutinesStore } from "./routines";
import { createScheduler } from "./scheduler";
import { migrateSqlite } from "./migrate";
import { DEFAULT_APP, seedIfEmpty } from "./seed";
import { createTokensStore } from "./tokens";
import { createTransfersStore } from "./transfers";
import { createUserIntentsStore } from "./user-intents";
import { createUsersStore } from "./users";
import { createWebhooksStore } from "./webhooks";
import { sqliteSql } from "./sql/sqlite";
import { whenReady } from "./sql/when-ready";

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
  migrateSqlite(db);
  seedIfEmpty(db, options.app ?? DEFAULT_APP, options.now ?? new Date());
  // The SQL port (sql/port.ts) the store modules are moving onto, one module at a time; a module that has moved
  // takes `sql` instead of `db`. The seed moves into whenReady's preparation once it is async.
  const sql = whenReady(sqliteSql(db), async () => undefined);

  return {
    apps: createAppsStore(db),
    developers: createDevelopersStore(db),
    dashboard: createDashboardStore(db),
    users: createUsersStore(sql),
    accounts: createAccountsStore(db),
    tokens: createTokensStore(sql),
    moduleSessions: createModuleSessionsStore(sql),
    // resolveDue re-checks routines of users whose KYC settled; the routines store keeps no state of its own.
    userIntents: createUserIntentsStore(sql, createRoutinesStore(sql)),
    routines: createRoutinesStore(sql),
    transfers: createTransfersStore(sql),
    scheduler: createScheduler(sql),
    idempotency: createIdempotencyStore(db),
    webhooks: createWebhooksStore(db),
    faults: createFaultsStore(db),
    appClocks: createAppClocksStore(db),
    control: createControlStore(db),
    async close(): Promise<void> {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export type { DeveloperApp } from "./apps";
export { DEFAULT_APP, DEMO_USER_PHONE } from "./seed";
