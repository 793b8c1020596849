// The developer app an emulator is started for (its keys, redirect URIs and webhook URL): seeded into an empty
// store, and the settings given explicitly applied to a store seeded on an earlier run. Shared by the standalone
// emulator (index.ts, from SANDBOX_* variables) and the hosted one (hosted.ts, from the app's options).
import type { DeveloperApp, Store } from "../store";
import type { NewDeveloperApp } from "../store/apps";
import { DEFAULT_APP } from "../store/seed";

export interface AppKeys {
  clientId: string;
  clientSecret: string;
  /** The app's name; given, it also renames a stored app. */
  name?: string;
  /** Registered in an empty store only: afterwards the dashboard owns them. */
  redirectUris?: string[];
  /** Given, it replaces the stored app's webhook URL; "" or null turns delivery off; unset keeps the stored one. */
  webhookUrl?: string | null;
}

/** What an empty store is seeded with. */
export function seedAppOf(keys: AppKeys): NewDeveloperApp {
  return {
    clientId: keys.clientId,
    clientSecret: keys.clientSecret,
    name: keys.name ?? DEFAULT_APP.name,
    redirectUris: keys.redirectUris ?? DEFAULT_APP.redirectUris,
    webhookUrl: keys.webhookUrl ?? DEFAULT_APP.webhookUrl,
  };
}

/**
 * Applies the settings given explicitly to the stored app and returns it, or null when the store has no app
 * with this client id (a store seeded for other keys). Writes only what changed: a hosted emulator runs this
 * on every cold start.
 */
export async function applyAppKeys(store: Store, keys: AppKeys): Promise<DeveloperApp | null> {
  const app = await store.apps.findByClientId(keys.clientId);
  if (!app) {
    console.warn(`The sandbox store has no app with client id ${keys.clientId}: it was seeded for other keys.`);
    return null;
  }
  if (app.clientSecret !== keys.clientSecret) {
    console.warn(
      `The sandbox store keeps an older client secret for ${keys.clientId}; calls with the new one get 401. Delete the store to start over.`,
    );
  }
  const webhookUrl = keys.webhookUrl === undefined ? app.webhookUrl : keys.webhookUrl || null;
  const name = keys.name ?? app.name;
  if (webhookUrl === app.webhookUrl && name === app.name) return app;
  const updated = { ...app, webhookUrl, name };
  await store.apps.updateSettings(app.clientId, updated);
  return updated;
}
