// The one list of store modules, wired to a SQL port. Both engines build their store here (sqlite-store.ts,
// postgres-store.ts), so a new module is added once and both get it.
import { createAccountsStore } from "./accounts";
import { createAppClocksStore } from "./app-clocks";
import { createCardsStore } from "./cards";
import { createAppsStore, type NewDeveloperApp } from "./apps";
import { createControlStore } from "./control";
import { createDashboardStore } from "./dashboard";
import { createDevelopersStore } from "./developers";
import { createDueWorkStore } from "./due-work";
import { createFaultsStore } from "./faults";
import { createIdempotencyStore } from "./idempotency";
import { createLeasesStore } from "./leases";
import { createModuleSessionsStore } from "./module-sessions";
import { createRoutinesStore } from "./routines";
import { createScheduler } from "./scheduler";
import type { Sql } from "./sql/port";
import { createTokensStore } from "./tokens";
import { createTransfersStore } from "./transfers";
import { createUserChangesStore } from "./user-changes";
import { createUserClocksStore } from "./user-clocks";
import { createUserIntentsStore } from "./user-intents";
import { createUsersStore } from "./users";
import { createVisitorsStore } from "./visitors";
import { createWebhooksStore } from "./webhooks";

export interface StoreOptions {
  /** The developer app seeded into an empty store. */
  app?: NewDeveloperApp;
  /** Creation time of the seeded rows. */
  now?: Date;
}

export function wireStore(sql: Sql) {
  return {
    apps: createAppsStore(sql),
    developers: createDevelopersStore(sql),
    dashboard: createDashboardStore(sql),
    users: createUsersStore(sql),
    userChanges: createUserChangesStore(sql),
    accounts: createAccountsStore(sql),
    cards: createCardsStore(sql),
    tokens: createTokensStore(sql),
    moduleSessions: createModuleSessionsStore(sql),
    // resolveDue re-checks routines of users whose KYC settled; the routines store keeps no state of its own.
    userIntents: createUserIntentsStore(sql, createRoutinesStore(sql)),
    routines: createRoutinesStore(sql),
    transfers: createTransfersStore(sql),
    scheduler: createScheduler(sql),
    dueWork: createDueWorkStore(sql),
    idempotency: createIdempotencyStore(sql),
    webhooks: createWebhooksStore(sql),
    faults: createFaultsStore(sql),
    appClocks: createAppClocksStore(sql),
    control: createControlStore(sql),
    // The hosted demo (visitor scope, lease-guarded due work).
    userClocks: createUserClocksStore(sql),
    visitors: createVisitorsStore(sql),
    leases: createLeasesStore(sql),
    /** Waits for the seed and any open transaction, then closes the connection (or pool). */
    async close(): Promise<void> {
      await sql.close();
    },
  };
}

export type Store = ReturnType<typeof wireStore>;
