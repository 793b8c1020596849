// The emulator's notion of "now": real time plus an offset that the control API moves forward, so tokens
// expire, KYC resolves, routines run and transfers settle without waiting. Tests use a manual clock.
export interface Clock {
  now(): Date;
}

/** A clock the sandbox can move: the control API advances it and `POST /sandbox/reset` puts it back. */
export interface SandboxClock extends Clock {
  /** How far this clock is ahead of real time (a manual clock: of its start). */
  offsetMs(): number;
  advance(ms: number): void | Promise<void>;
  reset(): void | Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Real time plus `initialOffsetMs`. `persist` is called with each new offset, so the running emulator keeps its
 * time travel across restarts (index.ts stores it in sandbox_state).
 */
export function createOffsetClock(
  initialOffsetMs = 0,
  persist: (offsetMs: number) => Promise<void> = async () => {},
): SandboxClock {
  let offset = initialOffsetMs;
  return {
    now: () => new Date(Date.now() + offset),
    offsetMs: () => offset,
    advance: async (ms) => {
      offset += ms;
      await persist(offset);
    },
    reset: async () => {
      offset = 0;
      await persist(offset);
    },
  };
}

export interface ManualClock extends SandboxClock {
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
