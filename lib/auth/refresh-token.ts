// Refreshing Astra tokens: when, the refresh_token grant, and one refresh per session at a time.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { AstraError } from "@/lib/astra/errors";
import { oauthTokenResponseSchema } from "@/lib/astra/schemas";
import { clientBasicAuthorization } from "@/lib/astra/client-credentials";
import { unexpectedResponseError } from "@/lib/astra/response-log";
import { joinUrl } from "@/lib/astra/base-url";
import { astraTransport } from "@/lib/astra/hooks";
import { getAppState } from "@/lib/db/app-state";
import { getEnv } from "@/lib/env";

export const REFRESH_MARGIN_SECONDS = 60;

export function needsRefresh(token: Pick<JWT, "expiresAt" | "refreshToken" | "error">, nowSeconds: number): boolean {
  if (!token.refreshToken || token.error) return false;
  return token.expiresAt === undefined || token.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds;
}

/** A refused refresh token marks the session (re-authorize); a network or server failure throws and keeps it. */
export async function exchangeRefreshToken(token: JWT): Promise<JWT> {
  if (!token.refreshToken) return { ...token, error: "RefreshTokenError" };
  const env = getEnv();
  const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: token.refreshToken });
  if (env.authUrl) body.set("redirect_uri", `${env.authUrl}/api/auth/callback/astra`);

  let response: Response;
  try {
    response = await astraTransport(joinUrl(env.astraApiUrl, "/v1/oauth/token"), {
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
    throw new AstraError({
      kind: "unavailable",
      status: 0,
      message: "Could not reach Astra to refresh the session",
      cause,
    });
  }

  if (response.status === 400) {
    return { ...token, accessToken: undefined, error: "RefreshTokenError" };
  }
  if (response.status === 401) {
    // invalid_client: the app's keys are wrong. Keep the session; re-authorizing would fail the same way.
    throw (await AstraError.fromResponse(response)).asKind("misconfigured");
  }
  if (!response.ok) throw await AstraError.fromResponse(response);

  const parsed = oauthTokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    const requestId = response.headers.get("request-id");
    throw unexpectedResponseError(
      { method: "POST", path: "/v1/oauth/token", status: response.status, requestId, error: parsed.error },
      "Unexpected token response from Astra",
    );
  }
  return {
    ...token,
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresAt: Math.floor(Date.now() / 1000) + parsed.data.expires_in,
    error: undefined,
  };
}

const handOver = () => getAppState().tokenHandOver;

export function latestTokens(token: JWT): JWT {
  return handOver().latestKnown(token);
}

export function refreshSessionTokens(token: JWT): Promise<JWT> {
  return handOver().refresh(token, exchangeRefreshToken);
}

export async function tokensAfterRejection(session: JWT, rejectedAccessToken: string): Promise<JWT> {
  const latest = await handOver().latest(session);
  if (latest.accessToken && latest.accessToken !== rejectedAccessToken) return latest;
  return refreshSessionTokens(latest);
}
