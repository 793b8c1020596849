// A fixed-window attempt counter in memory, for the dashboard login: a few tries per minute per IP address
// and email. Memory is enough for a local emulator (one process); a hosted one behind several instances
// would keep the counts in the shared store instead.
import type { Context } from "hono";

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the window ends; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it may go ahead. */
  attempt(key: string): RateLimitDecision;
  /** Forgets `key`, e.g. after a successful login. */
  clear(key: string): void;
}

const PRUNE_ABOVE = 10_000;

export function createRateLimiter({
  max,
  windowMs,
  now = Date.now,
}: {
  max: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const prune = (at: number) => {
    for (const [key, window] of windows) if (at - window.startedAt >= windowMs) windows.delete(key);
  };
  return {
    attempt(key) {
      const at = now();
      if (windows.size > PRUNE_ABOVE) prune(at);
      const current = windows.get(key);
      const window = current && at - current.startedAt < windowMs ? current : { startedAt: at, count: 0 };
      window.count += 1;
      windows.set(key, window);
      if (window.count <= max) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000)) };
    },
    clear(key) {
      windows.delete(key);
    },
  };
}

/** The TCP peer's address under @hono/node-server (never X-Forwarded-For, which any client can write). */
export function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "in-process";
}

/** Dashboard logins: 5 attempts per minute for one email from one address. */
export const LOGIN_ATTEMPTS = { max: 5, windowMs: 60_000 };

export const loginAttemptKey = (c: Context, email: string) => `${peerAddress(c)}|${email.trim().toLowerCase()}`;
