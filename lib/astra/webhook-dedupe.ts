// Handled webhook ids, because Astra delivers at least once; in Postgres with many instances (app-state.ts).

export interface WebhookIdStore {
  claim(webhookId: string): Promise<boolean>;
  release(webhookId: string): Promise<void>;
}

export function createMemoryWebhookIdStore({ maxEntries = 10_000 } = {}): WebhookIdStore {
  const seen = new Set<string>();
  return {
    async claim(webhookId) {
      if (seen.has(webhookId)) return false;
      seen.add(webhookId);
      if (seen.size > maxEntries) seen.delete(seen.values().next().value!);
      return true;
    },
    async release(webhookId) {
      seen.delete(webhookId);
    },
  };
}
