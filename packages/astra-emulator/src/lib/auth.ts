// Client Basic auth (token endpoint) and user Bearer auth (REST API) as Hono middleware.
import { createMiddleware } from "hono/factory";
import type { DeveloperApp, Store } from "../store";
import type { AppClocks } from "./clock";
import { ApiError } from "./create-app";
import { safeEqual } from "./ids";

export interface BearerGrant {
  userId: string;
  clientId: string;
}

/** `now` is the calling app's sandbox time (lib/clock.ts), read once as the request comes in. */
export type ClientEnv = { Variables: { client: DeveloperApp; now: Date } };
export type BearerEnv = { Variables: { grant: BearerGrant; now: Date } };

/** The token endpoint answers in RFC 6749's shape; every other client-auth endpoint in Astra's envelope. */
export type ErrorStyle = "oauth" | "astra";

const invalidClient = (description: string, style: ErrorStyle) =>
  new ApiError(401, description, {
    oauthError: style === "oauth" ? "invalid_client" : undefined,
    headers: { "WWW-Authenticate": 'Basic realm="astra"' },
  });

/** RFC 6749 2.3.1: id and secret are form-encoded before base64, so decode them after splitting. */
export function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")),
    };
  } catch {
    return null;
  }
}

export function clientBasicAuth(store: Store, clocks: AppClocks, style: ErrorStyle = "astra") {
  return createMiddleware<ClientEnv>(async (c, next) => {
    const credentials = parseBasic(c.req.header("authorization"));
    if (!credentials) {
      throw invalidClient("Send the client id and secret as HTTP Basic credentials (Authorization: Basic ...).", style);
    }
    const client = await store.apps.findByClientId(credentials.id);
    // "Invalid client_id" is the wording of Astra's sandbox (common-errors-responses); the secret's is a guess.
    if (!client) throw invalidClient("Invalid client_id", style);
    if (!safeEqual(client.clientSecret, credentials.secret)) throw invalidClient("Invalid client_secret", style);
    c.set("client", client);
    c.set("now", await clocks.now(client.clientId));
    await next();
  });
}

const unauthorized = (description: string) =>
  new ApiError(401, description, { headers: { "WWW-Authenticate": 'Bearer realm="astra"' } });

export function bearerAuth(store: Store, clocks: AppClocks) {
  return createMiddleware<BearerEnv>(async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
    if (!match?.[1]) throw unauthorized("Send the user's access token as Authorization: Bearer <token>.");
    const token = await store.tokens.findAccessToken(match[1]);
    if (!token) throw unauthorized("Unknown access token.");
    if (token.revokedAt) {
      throw unauthorized("This access token was replaced by a newer one; only one is valid per user and client.");
    }
    // Expiry follows the token's own app's clock (its user's, in visitor scope), so another app's or visitor's
    // time travel cannot expire it, and the request runs at that time.
    const now = await clocks.now(token.clientId, token.userId);
    if (token.expiresAt <= now) throw unauthorized("This access token has expired; refresh it.");
    c.set("grant", { userId: token.userId, clientId: token.clientId });
    c.set("now", now);
    await next();
  });
}
