// Remembers handled webhook ids, because Astra delivers at least once and retries under the same id.
// In-process memory is enough for one server (next start, the emulator demo); with many instances a retry may
// land on another one, so there the ids live in Postgres (webhook-dedupe-postgres.ts, chosen in
// lib/db/app-state.ts).

export interface WebhookIdStore {
  /** Returns true the first time an id is seen, false for a repeat. */
  claim(webhookId: string): Promise<boolean>;
  /** Forgets a claim whose handling then failed, so Astra's retry of that webhook is handled. */
  release(webhookId: string): Promise<void>;
}

export function createMemoryWebhookIdStore({ maxEntries = 10_000 } = {}): WebhookIdStore {
  const seen = new Set<string>();
  return {
    async claim(webhookId) {
      if (seen.has(webhookId)) return false;
      seen.add(webhookId);
      // Sets iterate in insertion order: drop the oldest once full.
      if (seen.size > maxEntries) seen.delete(seen.values().next().value!);
      return true;
    },
    async release(webhookId) {
      seen.delete(webhookId);
    },
  };
}
