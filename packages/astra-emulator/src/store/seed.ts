// What an empty store starts with: one developer app and one approved seed user with two accounts.
import {
  EMULATOR_APP_NAME,
  EMULATOR_CLIENT_ID,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_DEVELOPER_EMAIL,
  EMULATOR_DEVELOPER_PASSWORD,
  EMULATOR_REDIRECT_URIS,
  EMULATOR_WEBHOOK_URL,
} from "../defaults";
import { insertAccount } from "./accounts";
import { insertApp, type NewDeveloperApp } from "./apps";
import { insertDeveloper, normalizeEmail } from "./developers";
import type { Sql } from "./sql/port";
import { insertUser } from "./users";

export const DEFAULT_APP: NewDeveloperApp = {
  clientId: EMULATOR_CLIENT_ID,
  clientSecret: EMULATOR_CLIENT_SECRET,
  name: EMULATOR_APP_NAME,
  redirectUris: [...EMULATOR_REDIRECT_URIS],
  webhookUrl: EMULATOR_WEBHOOK_URL,
};

export const SEED_USER_PHONE = "2025550123";

const SEED_USER = {
  phone: SEED_USER_PHONE,
  firstName: "Avery",
  lastName: "Demo",
  email: "avery.demo@example.com",
  status: "approved",
} as const;

/** Owns the seeded app in the dashboard (/dashboard). The hash is precomputed because scrypt is slow on purpose. */
export const SEED_DEVELOPER = {
  email: EMULATOR_DEVELOPER_EMAIL,
  password: EMULATOR_DEVELOPER_PASSWORD,
  firstName: "Sandbox",
  lastName: "Developer",
  passwordHash:
    "scrypt$16384$8$1$QHinjVuAGe9_dOZKeN0gdg$vUI2AhVbokxEWiGgwRa5E8vZvxZ0PkYrnKH4EiB7_RT3jtrl7Iul90FM5Wts0Y6DEP6lv_ZTHid-7QPpO2WX5w",
};

async function isEmpty(sql: Sql): Promise<boolean> {
  return (await sql.prepare<[], number>("SELECT COUNT(*) AS n FROM apps").pluck().get()) === 0;
}

/** The seed developer's id: the existing account when there is one (the seeded app may have been deleted). */
async function seedDeveloperId(sql: Sql, now: Date): Promise<string> {
  const email = normalizeEmail(SEED_DEVELOPER.email);
  const existing = await sql.prepare<[string], string>("SELECT id FROM developers WHERE email = ?").pluck().get(email);
  return existing ?? (await insertDeveloper(sql, SEED_DEVELOPER, now)).id;
}

/**
 * Seeds a store with no app in one transaction; the store runs it before any other statement
 * (sql/when-ready.ts). The seed developer is reused when present, so a store whose seeded app was deleted gets it back.
 */
export async function seedIfEmpty(sql: Sql, app: NewDeveloperApp, now: Date): Promise<void> {
  await sql.transaction(async () => {
    if (!(await isEmpty(sql))) return;
    await insertApp(sql, { ...app, developerId: app.developerId ?? (await seedDeveloperId(sql, now)) }, now);
    await insertSeedUser(sql, app.clientId, now);
  });
}

/** The approved seed user with a checking and a savings account; also used by the control API's reset. */
export async function insertSeedUser(sql: Sql, clientId: string, now: Date): Promise<void> {
  await sql.transaction(async () => {
    const user = await insertUser(sql, { ...SEED_USER, clientId }, now);
    const bank = {
      userId: user.id,
      nickname: null,
      institutionName: "Redwood Community Bank",
      institutionLogo: null,
      type: "depository",
      lastBalanceUpdateAt: now,
      connectionStatus: "connected",
    };
    await insertAccount(
      sql,
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
    await insertAccount(
      sql,
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
  });
}
