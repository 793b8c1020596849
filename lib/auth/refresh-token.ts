// Refreshing Astra tokens: when to do it, the refresh_token grant itself, and one refresh per session at a time.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { AstraError } from "@/lib/astra/errors";
import { oauthTokenResponseSchema } from "@/lib/astra/schemas";
import { clientBasicAuthorization } from "@/lib/astra/client-credentials";
import { getEnv } from "@/lib/env";
import { createSingleFlight } from "./single-flight";

/** Refresh this long before the access token expires, so no request races its expiry. */
export const REFRESH_MARGIN_SECONDS = 60;

export function needsRefresh(token: Pick<JWT, "expiresAt" | "refreshToken" | "error">, nowSeconds: number): boolean {
  if (!token.refreshToken || token.error) return false;
  return token.expiresAt === undefined || token.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds;
}

/**
 * Exchanges the refresh token. A refresh token Astra no longer accepts marks the session with
 * `RefreshTokenError` (the user must re-authorize); a network or server failure throws, keeping the session.
 */
export async function exchangeRefreshToken(token: JWT): Promise<JWT> {
  if (!token.refreshToken) return { ...token, error: "RefreshTokenError" };
  const env = getEnv();
  const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: token.refreshToken });
  if (env.authUrl) body.set("redirect_uri", `${env.authUrl}/api/auth/callback/astra`);

  let response: Response;
  try {
    response = await fetch(`${env.astraApiUrl}/v1/oauth/token`, {
      method: "POST",
      headers: {
        authorization: clientBasicAuthorization(env),
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body,
      cache: "no-store",
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    throw new AstraError({ kind: "unavailable", status: 0, message: "Could not reach Astra to refresh the session", cause });
  }

  if (response.status === 400 || response.status === 401) {
    // invalid_grant (expired or unknown refresh token) or a rejected client: only re-authorizing helps.
    return { ...token, accessToken: undefined, error: "RefreshTokenError" };
  }
  if (!response.ok) throw await AstraError.fromResponse(response);

  const parsed = oauthTokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new AstraError({
      kind: "bad_response",
      status: response.status,
      message: "Unexpected token response from Astra",
      requestId: response.headers.get("request-id"),
      cause: parsed.error,
    });
  }
  return {
    ...token,
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresAt: Math.floor(Date.now() / 1000) + parsed.data.expires_in,
    error: undefined,
  };
}

// Requests of one session carry the same refresh token until the browser stores the new cookie, so the old
// refresh token is the key; its result is reused for a minute by requests that were already on their way.
const refreshOnce = createSingleFlight<JWT>({ reuseResultForMs: 60_000 });

export function refreshSessionTokens(token: JWT): Promise<JWT> {
  if (!token.refreshToken) return Promise.resolve({ ...token, error: "RefreshTokenError" });
  return refreshOnce(token.refreshToken, () => exchangeRefreshToken(token));
}
