// Hands refreshed tokens over between a session's requests: a second refresh would revoke what the first just got.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { createSingleFlight } from "./single-flight";

export type ExchangeTokens = (token: JWT) => Promise<JWT>;

export interface TokenHandOver {
  latestKnown(token: JWT): JWT;
  latest(token: JWT): Promise<JWT>;
  refresh(token: JWT, exchange: ExchangeTokens): Promise<JWT>;
}

export const SUCCESSOR_TTL_MS = 10 * 60_000;

export interface MemoryTokenHandOver extends TokenHandOver {
  remember(previous: JWT, next: JWT): JWT;
}

export function createMemoryTokenHandOver(): MemoryTokenHandOver {
  // Keyed by the old refresh token, so a request with an old cookie reuses the newest pair rather than revoking it.
  const refreshOnce = createSingleFlight<JWT>({ reuseResultForMs: 60_000 });
  const successors = new Map<string, { token: JWT; at: number }>();

  const remember = (previous: JWT, next: JWT): JWT => {
    const now = Date.now();
    for (const [key, entry] of successors) if (now - entry.at > SUCCESSOR_TTL_MS) successors.delete(key);
    if (previous.refreshToken && next.accessToken) successors.set(previous.refreshToken, { token: next, at: now });
    return next;
  };

  const latestKnown = (token: JWT): JWT => {
    let current = token;
    for (let hops = 0; hops < 10 && current.refreshToken; hops += 1) {
      const next = successors.get(current.refreshToken);
      if (!next) break;
      current = next.token;
    }
    return current;
  };

  return {
    remember,
    latestKnown,
    latest: async (token) => latestKnown(token),
    refresh(token, exchange) {
      if (!token.refreshToken) return Promise.resolve({ ...token, error: "RefreshTokenError" });
      return refreshOnce(token.refreshToken, async () => remember(token, await exchange(token)));
    },
  };
}
