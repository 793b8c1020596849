// One task per key at a time, with a recent result reused: a second token refresh would revoke the first's tokens.

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
      () => entries.delete(key),
    );
    return entry.promise;
  };
}
