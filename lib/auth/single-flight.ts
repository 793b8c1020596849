// Runs one task per key at a time, and lets late callers with the same key reuse a recent result.
// Token refresh needs both: Astra keeps one valid access token per user and client, so a second refresh for
// the same session would revoke the token the first one just handed out.

export type SingleFlight<T> = (key: string, task: () => Promise<T>) => Promise<T>;

export function createSingleFlight<T>({ reuseResultForMs }: { reuseResultForMs: number }): SingleFlight<T> {
  const entries = new Map<string, { promise: Promise<T>; settledAt: number | null }>();

  const forgetStale = (now: number) => {
    for (const [key, entry] of entries) {
      if (entry.settledAt !== null && now - entry.settledAt > reuseResultForMs) entries.delete(key);
    }
  };

  return (key, task) => {
    const now = Date.now();
    forgetStale(now);
    const existing = entries.get(key);
    if (existing) return existing.promise;

    const entry: { promise: Promise<T>; settledAt: number | null } = { promise: task(), settledAt: null };
    entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = Date.now();
      },
      // A failure is not reused: the next caller may try again.
      () => entries.delete(key),
    );
    return entry.promise;
  };
}
