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
 * One sandbox clock per app, keyed by client id. The key is the unit of isolation: a hosted demo that isolates
 * visitors can key by user instead, with the same interface.
 */
export interface AppClocks {
  /** Real time (or the test's manual clock), for things that belong to no app's sandbox time. */
  base: Clock;
  now(clientId: string): Promise<Date>;
  offsetMs(clientId: string): Promise<number>;
  advance(clientId: string, ms: number): Promise<void>;
  reset(clientId: string): Promise<void>;
}

export function createAppClocks(base: Clock, offsets: ClockOffsets): AppClocks {
  return {
    base,
    now: async (clientId) => new Date(base.now().getTime() + (await offsets.get(clientId))),
    offsetMs: (clientId) => offsets.get(clientId),
    advance: async (clientId, ms) => offsets.set(clientId, (await offsets.get(clientId)) + ms),
    reset: (clientId) => offsets.set(clientId, 0),
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
