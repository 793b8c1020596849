// Developer apps: client credentials and the redirect URIs registered for them.
import type { Database } from "better-sqlite3";

export interface DeveloperApp {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  createdAt: Date;
}

export type NewDeveloperApp = Omit<DeveloperApp, "createdAt">;

interface AppRow {
  client_id: string;
  client_secret: string;
  name: string;
  redirect_uris: string;
  created_at: number;
}

const toApp = (row: AppRow): DeveloperApp => ({
  clientId: row.client_id,
  clientSecret: row.client_secret,
  name: row.name,
  redirectUris: JSON.parse(row.redirect_uris) as string[],
  createdAt: new Date(row.created_at),
});

export function insertApp(db: Database, app: NewDeveloperApp, now: Date): DeveloperApp {
  db.prepare(
    "INSERT INTO apps (client_id, client_secret, name, redirect_uris, created_at) VALUES (?, ?, ?, ?, ?)",
  ).run(app.clientId, app.clientSecret, app.name, JSON.stringify(app.redirectUris), now.getTime());
  return { ...app, createdAt: now };
}

export function createAppsStore(db: Database) {
  const byClientId = db.prepare<[string], AppRow>("SELECT * FROM apps WHERE client_id = ?");
  return {
    async findByClientId(clientId: string): Promise<DeveloperApp | null> {
      const row = byClientId.get(clientId);
      return row ? toApp(row) : null;
    },
    async create(app: NewDeveloperApp, now: Date): Promise<DeveloperApp> {
      return insertApp(db, app, now);
    },
  };
}
