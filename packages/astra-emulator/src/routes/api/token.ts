// POST /v1/oauth/token: the authorization_code and refresh_token grants
// (https://docs.astra.finance/reference/post_v1-oauth-token).
import { Hono } from "hono";
import { oauthTokenResponseSchema, tokenRequestSchema } from "../../wire-schemas";
import type { OAuthErrorCode, OAuthTokenResponse } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { isAllowedRedirectUri } from "../../lib/redirect-uris";
import type { IssuedTokens } from "../../store/tokens";

const GRANT_TYPES = ["authorization_code", "refresh_token"];

const oauthError = (error: OAuthErrorCode, description: string) =>
  new ApiError(400, description, { oauthError: error });

const invalidGrant = (description: string) => oauthError("invalid_grant", description);

/** OAuth's stricter form: urlencoded only, each parameter once (RFC 6749 3.2), refused as `invalid_request`. */
async function readTokenRequest(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw oauthError("invalid_request", "Send the body as application/x-www-form-urlencoded.");
  }
  const params = new URLSearchParams(await request.text());
  const fields: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) throw oauthError("invalid_request", `${key} appears more than once.`);
    fields[key] = params.get(key) ?? "";
  }
  return fields;
}

function toResponse(tokens: IssuedTokens): OAuthTokenResponse {
  return oauthTokenResponseSchema.parse({
    access_token: tokens.accessToken,
    token_type: "Bearer",
    expires_in: tokens.expiresInSeconds,
    refresh_token: tokens.refreshToken,
  });
}

export function tokenRoutes({ store, clocks, hosted }: Deps) {
  return new Hono<ClientEnv>().post("/v1/oauth/token", clientBasicAuth(store, clocks, "oauth"), async (c) => {
    const client = c.get("client");
    const fields = await readTokenRequest(c.req.raw);
    const grantType = fields.grant_type;
    if (!grantType) throw oauthError("invalid_request", "grant_type is required.");
    if (!GRANT_TYPES.includes(grantType)) {
      throw oauthError("unsupported_grant_type", `grant_type must be one of: ${GRANT_TYPES.join(", ")}.`);
    }
    const parsed = tokenRequestSchema.safeParse(fields);
    if (!parsed.success) {
      const missing = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
      throw oauthError("invalid_request", `Missing or empty: ${missing}.`);
    }
    const request = parsed.data;
    const now = c.get("now");
    let tokens: IssuedTokens;

    if (request.grant_type === "authorization_code") {
      const code = await store.tokens.findAuthorizationCode(request.code);
      if (!code) throw invalidGrant("Unknown authorization code.");
      if (code.clientId !== client.clientId) throw invalidGrant("This code was issued to another client.");
      // Any presentation by the right client uses the code up, even one that fails below (RFC 6749 10.5).
      if (!(await store.tokens.consumeAuthorizationCode(request.code, now))) {
        throw invalidGrant("This authorization code was already used.");
      }
      if (code.expiresAt <= now) throw invalidGrant("This authorization code has expired; codes last 5 minutes.");
      if (code.redirectUri !== request.redirect_uri) {
        throw invalidGrant("redirect_uri differs from the one the code was issued for.");
      }
      // Tokens live on their user's clock (visitor scope; the app's otherwise), which bearer auth checks them by.
      tokens = await store.tokens.issueTokens(
        code,
        await clocks.now(client.clientId, code.userId),
        "authorization_code",
      );
    } else {
      const grant = await store.tokens.findRefreshToken(request.refresh_token);
      if (!grant || grant.clientId !== client.clientId) throw invalidGrant("Unknown refresh token.");
      const userNow = await clocks.now(client.clientId, grant.userId);
      if (grant.expiresAt <= userNow)
        throw invalidGrant("This refresh token has expired; refresh tokens last 10 days.");
      if (
        request.redirect_uri !== undefined &&
        !isAllowedRedirectUri(hosted, c.req.raw, client, request.redirect_uri)
      ) {
        throw invalidGrant("redirect_uri is not registered for this client.");
      }
      tokens = await store.tokens.issueTokens(grant, userNow, "refresh_token");
    }

    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    return c.json(toResponse(tokens));
  });
}
