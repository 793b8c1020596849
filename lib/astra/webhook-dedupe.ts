// Remembers handled webhook ids, because Astra delivers at least once and retries under the same id.
// In-process memory is enough for one server (next start, the emulator demo); a deployment with many
// instances should back this interface with a shared store such as Redis or its database.

export interface WebhookIdStore {
  /** Returns true the first time an id is seen, false for a repeat. */
  claim(webhookId: string): Promise<boolean>;
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
  };
}
