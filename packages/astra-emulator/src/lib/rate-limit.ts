// A fixed-window attempt counter in memory, for the dashboard login: a few tries per minute per client address
// and per account. Memory is enough where the login exists: the local emulator (one process) and a private
// hosted one; the public demo's dashboard has no login at all.
import type { Context } from "hono";
import { addressKey } from "./address-key";

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the window ends; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it may go ahead. */
  attempt(key: string): RateLimitDecision;
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
  };
}

/** The TCP peer's address under @hono/node-server (never X-Forwarded-For, which any client can write). */
export function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "in-process";
}

/** Dashboard logins, every one counted, the successful too: per client address and per account. */
export const LOGIN_ATTEMPTS_PER_ADDRESS = { max: 10, windowMs: 60_000 };
export const LOGIN_ATTEMPTS_PER_ACCOUNT = { max: 5, windowMs: 60_000 };

/**
 * Counts one login attempt against the address and the account; the later of the two waits when either is over.
 * `clientAddress` is the hosted app's trusted address; without it, the socket's.
 */
export function createLoginLimiter(clientAddress?: (request: Request) => string) {
  const byAddress = createRateLimiter(LOGIN_ATTEMPTS_PER_ADDRESS);
  const byAccount = createRateLimiter(LOGIN_ATTEMPTS_PER_ACCOUNT);
  return (c: Context, email: string): RateLimitDecision => {
    const address = addressKey(clientAddress ? clientAddress(c.req.raw) : peerAddress(c));
    const decisions = [byAddress.attempt(address), byAccount.attempt(email.trim().toLowerCase())];
    const refused = decisions.filter((decision) => !decision.allowed);
    if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(...refused.map((decision) => decision.retryAfterSeconds)) };
  };
}
