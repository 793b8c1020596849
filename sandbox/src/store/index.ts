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
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema";
import { DEFAULT_APP, seedIfEmpty } from "./seed";
import { createTokensStore } from "./tokens";
import { createTransfersStore } from "./transfers";
import { createUserIntentsStore } from "./user-intents";
import { createUsersStore } from "./users";
import { createLeasesStore } from "./leases";
import { createUserClocksStore } from "./user-clocks";
import { createVisitorsStore } from "./visitors";
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
  migrate(db);
  // Every module talks to the database through the SQL port (sql/port.ts); every statement waits until an empty
  // store has been seeded.
  const app = options.app ?? DEFAULT_APP;
  const now = options.now ?? new Date();
  const sql = whenReady(sqliteSql(db), (ready) => seedIfEmpty(ready, app, now));

  return {
    apps: createAppsStore(sql),
    developers: createDevelopersStore(sql),
    dashboard: createDashboardStore(sql),
    users: createUsersStore(sql),
    accounts: createAccountsStore(sql),
    tokens: createTokensStore(sql),
    moduleSessions: createModuleSessionsStore(sql),
    // resolveDue re-checks routines of users whose KYC settled; the routines store keeps no state of its own.
    userIntents: createUserIntentsStore(sql, createRoutinesStore(sql)),
    routines: createRoutinesStore(sql),
    transfers: createTransfersStore(sql),
    scheduler: createScheduler(sql),
    idempotency: createIdempotencyStore(sql),
    webhooks: createWebhooksStore(sql),
    faults: createFaultsStore(sql),
    appClocks: createAppClocksStore(sql),
    control: createControlStore(sql),
    // The hosted demo (visitor scope, lease-guarded due work).
    userClocks: createUserClocksStore(sql),
    visitors: createVisitorsStore(sql),
    leases: createLeasesStore(sql),
    /** Waits for the seed and any open transaction, then closes the database. */
    async close(): Promise<void> {
      await sql.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

/** Creates the tables; a store file from an older schema is emptied first and re-seeded. */
function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version !== 0 && version !== SCHEMA_VERSION) {
    console.warn(
      `Sandbox store schema v${version} is outdated (now v${SCHEMA_VERSION}); starting from fresh seed data.`,
    );
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all();
    db.pragma("foreign_keys = OFF");
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS "${String(table)}"`);
    db.pragma("foreign_keys = ON");
  }
  db.exec(SCHEMA_SQL);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
export type { DeveloperApp } from "./apps";
export { DEFAULT_APP, DEMO_USER_PHONE } from "./seed";
