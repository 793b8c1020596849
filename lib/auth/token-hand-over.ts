// Hands refreshed tokens over between the requests of one session. Astra keeps one valid access token per user
// and client, so a second refresh for the same session revokes the tokens the first one just got: a refresh must
// happen once, and every other request must pick up its result. One interface, two implementations, chosen in
// lib/db/app-state.ts: this process's memory (here), or Postgres for many instances (token-hand-over-postgres.ts).
import "server-only";
import type { JWT } from "next-auth/jwt";
import { createSingleFlight } from "./single-flight";

/** The refresh_token grant itself (exchangeRefreshToken in refresh-token.ts). */
export type ExchangeTokens = (token: JWT) => Promise<JWT>;

export interface TokenHandOver {
  /** The newest tokens this instance knows for the session, without any I/O: the proxy's hot path. */
  latestKnown(token: JWT): JWT;
  /** The newest tokens any instance has handed over for the session (may read the database). */
  latest(token: JWT): Promise<JWT>;
  /** Exchanges the session's refresh token once, however many requests (and instances) ask at the same time. */
  refresh(token: JWT, exchange: ExchangeTokens): Promise<JWT>;
}

/** A successor is kept this long: long enough for every request still carrying the old cookie to arrive. */
export const SUCCESSOR_TTL_MS = 10 * 60_000;

export interface MemoryTokenHandOver extends TokenHandOver {
  /** Records `next` as the successor of `previous` (the Postgres version feeds what it reads in here). */
  remember(previous: JWT, next: JWT): JWT;
}

export function createMemoryTokenHandOver(): MemoryTokenHandOver {
  // Requests of one session carry the same refresh token until the browser stores the new cookie, so the old
  // refresh token keys the single-flight, whose result is reused for a minute by requests already on their way.
  // Each refresh is also remembered under the refresh token it replaced, so a request still carrying an old
  // cookie can use (and proxy.ts can save) the newest pair instead of refreshing again, which would revoke it.
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
