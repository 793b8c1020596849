// The emulator's notion of "now". Each developer app has its own sandbox clock: real time plus an offset that
// the app's control API moves forward, so that app's tokens expire, KYC resolves, routines run and transfers
// settle without waiting, while every other app keeps its own time. Tests use a manual base clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where each app's offset from the base clock is kept (store/app-clocks.ts), so time travel survives a restart. */
export interface ClockOffsets {
  get(clientId: string): Promise<number>;
  set(clientId: string, offsetMs: number): Promise<void>;
}

/**
 * One sandbox clock per app, keyed by client id. In visitor scope (the hosted demo, `userOffsets` given) each
 * user has a clock of their own instead, and every method that is passed a user id reads or moves that one.
 * Without visitor scope the user id is ignored, so the standalone emulator keeps one clock per app.
 */
export interface AppClocks {
  /** Real time (or the test's manual clock), for things that belong to no app's sandbox time. */
  base: Clock;
  /** True when users have clocks of their own (AppOptions.visitorScope). */
  visitorScope: boolean;
  now(clientId: string, userId?: string | null): Promise<Date>;
  offsetMs(clientId: string, userId?: string | null): Promise<number>;
  advance(clientId: string, ms: number, userId?: string | null): Promise<void>;
  reset(clientId: string, userId?: string | null): Promise<void>;
}

export function createAppClocks(base: Clock, offsets: ClockOffsets, userOffsets?: ClockOffsets): AppClocks {
  // The offsets the key belongs to: the user's in visitor scope when a user is named, else the app's.
  const scoped = (clientId: string, userId: string | null | undefined): [ClockOffsets, string] =>
    userOffsets && userId ? [userOffsets, userId] : [offsets, clientId];
  const offsetOf = (clientId: string, userId?: string | null) => {
    const [store, key] = scoped(clientId, userId);
    return store.get(key);
  };
  return {
    base,
    visitorScope: userOffsets !== undefined,
    now: async (clientId, userId) => new Date(base.now().getTime() + (await offsetOf(clientId, userId))),
    offsetMs: offsetOf,
    advance: async (clientId, ms, userId) => {
      const [store, key] = scoped(clientId, userId);
      await store.set(key, (await store.get(key)) + ms);
    },
    reset: (clientId, userId) => {
      const [store, key] = scoped(clientId, userId);
      return store.set(key, 0);
    },
  };
}

/** Offsets in memory only: for tests that build clocks without a store. */
export function memoryClockOffsets(): ClockOffsets {
  const offsets = new Map<string, number>();
  return {
    get: async (clientId) => offsets.get(clientId) ?? 0,
    set: async (clientId, offsetMs) => {
      offsets.set(clientId, offsetMs);
    },
  };
}

export interface ManualClock extends Clock {
  /** How far this clock is from its start. */
  offsetMs(): number;
  advance(ms: number): void;
  set(date: Date): void;
  reset(): void;
}

export function createManualClock(start: Date = new Date()): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    offsetMs: () => current - start.getTime(),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = date.getTime();
    },
    reset: () => {
      current = start.getTime();
    },
  };
}
