// What an empty store starts with: one developer app and one approved demo user with two accounts.
import type { Database } from "better-sqlite3";
import {
  EMULATOR_APP_NAME,
  EMULATOR_CLIENT_ID,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_DEVELOPER_EMAIL,
  EMULATOR_DEVELOPER_PASSWORD,
  EMULATOR_REDIRECT_URIS,
  EMULATOR_WEBHOOK_URL,
} from "../../../config/emulator-defaults";
import { insertAccount } from "./accounts";
import { insertApp, type NewDeveloperApp } from "./apps";
import { insertDeveloper } from "./developers";
import { newId } from "../lib/ids";

export const DEFAULT_APP: NewDeveloperApp = {
  clientId: EMULATOR_CLIENT_ID,
  clientSecret: EMULATOR_CLIENT_SECRET,
  name: EMULATOR_APP_NAME,
  redirectUris: [...EMULATOR_REDIRECT_URIS],
  webhookUrl: EMULATOR_WEBHOOK_URL,
};

export const DEMO_USER_PHONE = "2025550123";

/** Owns the seeded app in the dashboard (/dashboard). The hash is precomputed because scrypt is slow on purpose. */
export const SEED_DEVELOPER = {
  email: EMULATOR_DEVELOPER_EMAIL,
  password: EMULATOR_DEVELOPER_PASSWORD,
  firstName: "Sandbox",
  lastName: "Developer",
  passwordHash:
    "scrypt$16384$8$1$QHinjVuAGe9_dOZKeN0gdg$vUI2AhVbokxEWiGgwRa5E8vZvxZ0PkYrnKH4EiB7_RT3jtrl7Iul90FM5Wts0Y6DEP6lv_ZTHid-7QPpO2WX5w",
};

function isEmpty(db: Database): boolean {
  return db.prepare("SELECT COUNT(*) AS n FROM apps").pluck().get() === 0;
}

export function seedIfEmpty(db: Database, app: NewDeveloperApp, now: Date): void {
  db.transaction(() => {
    if (!isEmpty(db)) return;
    const developer = insertDeveloper(db, SEED_DEVELOPER, now);
    insertApp(db, { ...app, developerId: app.developerId ?? developer.id }, now);
    insertDemoUser(db, app.clientId, now);
  })();
}

// INTERIM (store-a): users.ts moved onto the async SQL port while this module is still synchronous on `db`, so
// the demo user is written here directly until the seed itself is async and calls `await insertUser(sql, ...)`.
function insertDemoUserRow(db: Database, clientId: string, now: Date): { id: string } {
  const id = newId();
  db.prepare(
    `INSERT INTO users (id, client_id, phone, first_name, last_name, email, status, kyc_type, user_intent_id,
       rejected_at_conversion, created_at)
     VALUES (?, ?, ?, 'Avery', 'Demo', 'avery.demo@example.com', 'approved', 'verified', NULL, 0, ?)`,
  ).run(id, clientId, DEMO_USER_PHONE, now.getTime());
  return { id };
}

/** The approved demo user with a checking and a savings account; also used by the control API's reset. */
export function insertDemoUser(db: Database, clientId: string, now: Date): void {
  db.transaction(() => {
    const user = insertDemoUserRow(db, clientId, now);
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
