// OAuth: the module walk, the code exchange, refresh, and the rules the app's session handling relies on.
import { describe, expect, it } from "vitest";
import { call, show } from "./http";
import { exchangeCode, firstGrant, refreshTokens, asUser, accessToken } from "./session";
import { expectShape, genericError, oauthError, tokenResponse, user } from "./shapes";
import { target } from "./target";

describe("OAuth module and token endpoint", () => {
  it("the module walk ends at the registered redirect URI with a code and the state it was sent", async (context) => {
    const grant = await firstGrant();
    if (grant.via !== "walk")
      return context.skip("ASTRA_CONTRACT_REFRESH_TOKEN given: the walk was done by hand beforehand");
    const { walk } = grant;
    // reference/authorization: "the redirect URL will include the authorization_code"; integrators read `code` and
    // `state`.
    // The app's next-auth provider checks `state`, so an Astra that drops it breaks sign-in.
    expect(`${walk.callback.origin}${walk.callback.pathname}`).toBe(target().redirectUri);
    expect(walk.callback.searchParams.get("error")).toBeNull();
    expect(walk.callback.searchParams.get("code")).toMatch(/\S+/);
    expect(walk.callback.searchParams.get("state")).toBe(walk.state);
    // reference/authorization: phone, verification code, consent with Authorize (scripted on the emulator only).
    if (target().target === "emulator") expect(walk.steps).toEqual(["phone", "code", "consent", "redirect"]);
  });

  it("the code exchange (client Basic auth, form body) answers the four documented token fields", async (context) => {
    const grant = await firstGrant();
    if (grant.via !== "walk")
      return context.skip("ASTRA_CONTRACT_REFRESH_TOKEN given: there is no fresh code to exchange");
    // reference/post_v1-oauth-token: access_token, token_type, expires_in, refresh_token.
    expect(grant.exchange.status, show(grant.exchange)).toBe(200);
    expectShape(tokenResponse, grant.exchange.json, "The token response");
  });

  it("a code works once: exchanging it again is refused with an OAuth error", async (context) => {
    const grant = await firstGrant();
    if (grant.via !== "walk") return context.skip("ASTRA_CONTRACT_REFRESH_TOKEN given: there is no code to replay");
    // docs/managing-authorization-lifecycle: codes are short-lived and single use is implied; 400 per
    // reference/errors.
    const replay = await exchangeCode(grant.walk.callback.searchParams.get("code")!);
    expect(replay.status, show(replay)).toBe(400);
    expectShape(oauthError, replay.json, "The replay's error");
  });

  it("GET /v1/user answers the token's user, with a request-id header", async () => {
    const reply = await asUser("GET", "/v1/user");
    expect(reply.status, show(reply)).toBe(200);
    // reference/user (official SDK fields); reference/introduction: every response carries `request-id`.
    const me = expectShape(user, reply.json, "The user");
    expect(me.id).not.toBe("");
    expect(reply.headers.get("request-id")).toMatch(/\S+/);
  });

  it("a refresh returns new tokens, and the new access token replaces the old one", async () => {
    const before = await accessToken();
    const reply = await refreshTokens();
    // reference/post_v1-oauth-token "Option 2": each refresh returns a new refresh token.
    expect(reply.status, show(reply)).toBe(200);
    const body = expectShape(tokenResponse, reply.json, "The refresh response");
    expect(body.access_token).not.toBe(before);
    // docs/managing-authorization-lifecycle: "Only one access_token is valid at a time." The app's
    // one-refresh-per-session design rests on it.
    const stale = await call("GET", "/v1/user", { auth: { bearer: before } });
    expect(stale.status, show(stale)).toBe(401);
    expect((await asUser("GET", "/v1/user")).status).toBe(200);
  });

  it("wrong client credentials are refused with 401", async () => {
    // reference/errors: 401 for bad credentials; reference/common-errors-responses: "Invalid client_id". The app
    // reads a 401 here as misconfiguration.
    const reply = await call("POST", "/v1/oauth/token", {
      auth: { basic: [target().clientId, "not-the-client-secret"] },
      form: { grant_type: "refresh_token", refresh_token: "not-a-refresh-token" },
    });
    expect(reply.status, show(reply)).toBe(401);
  });

  it("an unknown refresh token is refused with 400", async () => {
    // The app treats 400 as "re-authorize" (invalid_grant) and 401 as a configuration problem.
    // invalid_grant is the emulator's guess; the OAuth error body is RFC 6749's.
    const reply = await call("POST", "/v1/oauth/token", {
      auth: "client",
      form: { grant_type: "refresh_token", refresh_token: "not-a-refresh-token" },
    });
    expect(reply.status, show(reply)).toBe(400);
    expectShape(oauthError, reply.json, "The refresh error");
  });

  it("a Bearer call without a valid token is 401 with Astra's error body", async () => {
    // reference/errors: 401 with the `generic_error` body {code, name, description} ("Invalid or Expired…").
    const reply = await call("GET", "/v1/user", { auth: { bearer: "not-a-token" } });
    expect(reply.status, show(reply)).toBe(401);
    expectShape(genericError, reply.json, "The 401 body");
  });
});
