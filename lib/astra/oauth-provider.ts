// The Auth.js provider for Astra's OAuth module: plain OAuth 2.0 (no OpenID discovery), client Basic auth.
import { customFetch } from "next-auth";
import type { OAuthConfig } from "next-auth/providers";
import type { Env } from "@/lib/env";
import { absoluteBase, joinUrl } from "./base-url";
import { logUnexpectedResponse } from "./response-log";
import { userSchema, type User } from "./schemas";
import { astraTransport } from "./hooks";

export const ASTRA_PROVIDER_ID = "astra";

export function AstraProvider(env: Env, origin = "http://localhost"): OAuthConfig<User> {
  const apiUrl = absoluteBase(env.astraApiUrl, origin);
  const appUrl = absoluteBase(env.astraAppUrl, origin);
  // `conform` is honoured by Auth.js but missing from its public type; a variable skips the literal check.
  const token = { url: joinUrl(apiUrl, "/v1/oauth/token"), conform: withTokenType };
  return {
    id: ASTRA_PROVIDER_ID,
    name: "Astra",
    type: "oauth",
    issuer: appUrl,
    clientId: env.astraClientId,
    clientSecret: env.astraClientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    // Astra documents no PKCE support; `state` guards the redirect against CSRF.
    checks: ["state"],
    authorization: {
      url: joinUrl(appUrl, "/login/oauth/authorize"),
      // Auth.js adds an OpenID scope unless one is given; Astra has no scopes, so send an empty one.
      params: { response_type: "code", scope: "" },
    },
    token,
    userinfo: joinUrl(apiUrl, "/v1/user"),
    [customFetch]: astraTransport,
    profile(raw) {
      const parsed = userSchema.safeParse(raw);
      if (!parsed.success) {
        logUnexpectedResponse({ method: "GET", path: "/v1/user", status: 200, requestId: null, error: parsed.error });
        throw parsed.error;
      }
      const user = parsed.data;
      return { id: user.id, name: displayName(user) || null, email: user.email ?? null };
    },
  };
}

export function displayName(user: Pick<User, "first_name" | "last_name">): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
}

/** Some of Astra's token responses omit `token_type`, which the OAuth library requires: they are bearer tokens. */
export async function withTokenType(response: Response): Promise<Response | undefined> {
  if (!response.ok) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (!body || typeof body !== "object" || "token_type" in body) return undefined;
  return Response.json({ ...body, token_type: "bearer" }, { status: response.status, headers: response.headers });
}
