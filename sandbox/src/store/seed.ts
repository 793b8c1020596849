// What an empty store starts with: one developer app and one approved demo user with two accounts.
import type { Database } from "better-sqlite3";
import { insertAccount } from "./accounts";
import { insertApp, type NewDeveloperApp } from "./apps";
import { insertUser } from "./users";

export const DEFAULT_APP: NewDeveloperApp = {
  clientId: "astra_emulator_client",
  clientSecret: "astra_emulator_secret_do_not_use_in_production",
  name: "Astra Next.js Starter",
  redirectUris: ["http://localhost:3000/api/auth/callback/astra"],
};

export const DEMO_USER_PHONE = "2025550123";

function isEmpty(db: Database): boolean {
  return db.prepare("SELECT COUNT(*) AS n FROM apps").pluck().get() === 0;
}

export function seedIfEmpty(db: Database, app: NewDeveloperApp, now: Date): void {
  db.transaction(() => {
    if (!isEmpty(db)) return;
    insertApp(db, app, now);
    const user = insertUser(
      db,
      {
        clientId: app.clientId,
        phone: DEMO_USER_PHONE,
        firstName: "Avery",
        lastName: "Demo",
        email: "avery.demo@example.com",
        status: "approved",
      },
      now,
    );
    const bank = {
      userId: user.id,
      nickname: null,
      institutionName: "Redwood Community Bank",
      institutionLogo: null,
      type: "depository",
      lastBalanceUpdateAt: now,
      connectionStatus: "connected",
    };
    insertAccount(
      db,
      {
        ...bank,
        name: "Everyday Checking",
        officialName: "Redwood Everyday Checking",
        mask: "4417",
        subtype: "checking",
        currentBalanceCents: 245075,
        availableBalanceCents: 231020,
      },
      now,
    );
    insertAccount(
      db,
      {
        ...bank,
        name: "High-Yield Savings",
        officialName: "Redwood High-Yield Savings",
        mask: "9021",
        subtype: "savings",
        currentBalanceCents: 1250000,
        availableBalanceCents: 1250000,
      },
      now,
    );
  })();
}
