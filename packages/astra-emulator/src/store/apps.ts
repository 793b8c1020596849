// Developer apps: client credentials, the redirect URIs registered for them, and their dashboard settings.
import { randomBytes } from "node:crypto";
import { newSecret } from "../lib/ids";
import type { Sql } from "./sql/port";

export interface DeveloperApp {
  clientId: string;
  clientSecret: string;
  /** The dashboard account that owns the app; null for apps made outside the dashboard (tests, env seed). */
  developerId: string | null;
  name: string;
  /** Astra's "support email or URL" for the app: an email address or an http(s) URL. */
  supportEmail: string | null;
  redirectUris: string[];
  /** Where webhook events are POSTed; null disables delivery. */
  webhookUrl: string | null;
  /** Sandbox setting: the module shows the test verification code on its pages. */
  showTestCodes: boolean;
  /**
   * Astra's "Enable Phone Numbers For Testing" (Sandbox Settings): the test numbers sign in with the fixed
   * code. Off, they are ordinary numbers that get a one-time code like any other (lib/phone.ts).
   */
  testPhonesEnabled: boolean;
  /** Sandbox Settings: `payment_type: "debit"` routines (debit cards) are enabled for this client. */
  debitEnabled: boolean;
  /** Sandbox Settings: the `T+0` and `real-time` settlement speeds are enabled for this client. */
  instantSpeedsEnabled: boolean;
  createdAt: Date;
}

export type NewDeveloperApp = Pick<DeveloperApp, "clientId" | "clientSecret" | "name" | "redirectUris"> &
  Partial<
    Pick<
      DeveloperApp,
      | "developerId"
      | "supportEmail"
      | "webhookUrl"
      | "showTestCodes"
      | "testPhonesEnabled"
      | "debitEnabled"
      | "instantSpeedsEnabled"
    >
  >;

/** What the dashboard's "Create application" form supplies; the store makes the credentials. */
export type AppRegistration = Pick<DeveloperApp, "name" | "supportEmail" | "redirectUris"> &
  Partial<Pick<DeveloperApp, "testPhonesEnabled">>;

/** What the dashboard's settings page edits; a field left out keeps its stored value. */
export type AppSettings = Pick<DeveloperApp, "redirectUris" | "webhookUrl" | "showTestCodes"> &
  Partial<Pick<DeveloperApp, "name" | "supportEmail" | "testPhonesEnabled" | "debitEnabled" | "instantSpeedsEnabled">>;

interface AppRow {
  client_id: string;
  client_secret: string;
  developer_id: string | null;
  name: string;
  support_email: string | null;
  redirect_uris: string;
  webhook_url: string | null;
  show_test_codes: number;
  test_phones_enabled: number;
  debit_enabled: number;
  instant_speeds_enabled: number;
  created_at: number;
}

const toApp = (row: AppRow): DeveloperApp => ({
  clientId: row.client_id,
  clientSecret: row.client_secret,
  developerId: row.developer_id,
  name: row.name,
  supportEmail: row.support_email,
  redirectUris: JSON.parse(row.redirect_uris) as string[],
  webhookUrl: row.webhook_url,
  showTestCodes: row.show_test_codes === 1,
  testPhonesEnabled: row.test_phones_enabled === 1,
  debitEnabled: row.debit_enabled === 1,
  instantSpeedsEnabled: row.instant_speeds_enabled === 1,
  createdAt: new Date(row.created_at),
});

const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

/** `astra_` + 24 hex characters, shaped like the ids the dashboard hands out. */
export const newClientId = (): string => `astra_${randomBytes(12).toString("hex")}`;

export async function insertApp(sql: Sql, app: NewDeveloperApp, now: Date): Promise<DeveloperApp> {
  const record: DeveloperApp = {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    developerId: app.developerId ?? null,
    name: app.name,
    supportEmail: app.supportEmail ?? null,
    redirectUris: app.redirectUris,
    webhookUrl: app.webhookUrl ?? null,
    showTestCodes: app.showTestCodes ?? true,
    testPhonesEnabled: app.testPhonesEnabled ?? true,
    debitEnabled: app.debitEnabled ?? false,
    instantSpeedsEnabled: app.instantSpeedsEnabled ?? false,
    createdAt: now,
  };
  await sql
    .prepare(
      `INSERT INTO apps (client_id, client_secret, developer_id, name, support_email, redirect_uris, webhook_url,
       show_test_codes, test_phones_enabled, debit_enabled, instant_speeds_enabled, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.clientId,
      record.clientSecret,
      record.developerId,
      record.name,
      record.supportEmail,
      JSON.stringify(record.redirectUris),
      record.webhookUrl,
      record.showTestCodes ? 1 : 0,
      record.testPhonesEnabled ? 1 : 0,
      record.debitEnabled ? 1 : 0,
      record.instantSpeedsEnabled ? 1 : 0,
      now.getTime(),
    );
  return record;
}

export function createAppsStore(sql: Sql) {
  const byClientId = sql.prepare<[string], AppRow>("SELECT * FROM apps WHERE client_id = ?");
  const clientIds = sql.prepare<[], string>("SELECT client_id FROM apps ORDER BY created_at, client_id").pluck();
  const byDeveloper = sql.prepare<[string], AppRow>(
    "SELECT * FROM apps WHERE developer_id = ? ORDER BY created_at, name",
  );
  const updateSettings = sql.prepare<
    [
      string,
      string | null,
      number,
      string | null,
      number,
      string | null,
      number | null,
      number | null,
      number | null,
      string,
    ]
  >(
    `UPDATE apps SET redirect_uris = ?, webhook_url = ?, show_test_codes = ?, name = COALESCE(?, name),
       support_email = CASE WHEN CAST(? AS INTEGER) = 1 THEN ? ELSE support_email END,
       test_phones_enabled = COALESCE(?, test_phones_enabled), debit_enabled = COALESCE(?, debit_enabled),
       instant_speeds_enabled = COALESCE(?, instant_speeds_enabled)
     WHERE client_id = ?`,
  );
  return {
    async findByClientId(clientId: string): Promise<DeveloperApp | null> {
      const row = await byClientId.get(clientId);
      return row ? toApp(row) : null;
    },
    async create(app: NewDeveloperApp, now: Date): Promise<DeveloperApp> {
      return insertApp(sql, app, now);
    },
    /** Registers an app for a dashboard developer with a fresh client id and secret. */
    async createForDeveloper(developerId: string, registration: AppRegistration, now: Date): Promise<DeveloperApp> {
      return insertApp(
        sql,
        { ...registration, developerId, clientId: newClientId(), clientSecret: newSecret(30) },
        now,
      );
    },
    /** Every app's client id, oldest first: the background work runs each app at its own clock. */
    async listClientIds(): Promise<string[]> {
      return clientIds.all();
    },
    /** Oldest first, so the app switcher keeps a stable order. */
    async listByDeveloper(developerId: string): Promise<DeveloperApp[]> {
      return (await byDeveloper.all(developerId)).map(toApp);
    },
    /** False when no such app exists. */
    async updateSettings(clientId: string, settings: AppSettings): Promise<boolean> {
      const result = await updateSettings.run(
        JSON.stringify(settings.redirectUris),
        settings.webhookUrl,
        settings.showTestCodes ? 1 : 0,
        settings.name ?? null,
        settings.supportEmail === undefined ? 0 : 1,
        settings.supportEmail ?? null,
        flag(settings.testPhonesEnabled),
        flag(settings.debitEnabled),
        flag(settings.instantSpeedsEnabled),
        clientId,
      );
      return result.changes === 1;
    },
  };
}
