import { beforeEach, describe, expect, it } from "vitest";
import { oauthErrorResponseSchema, oauthTokenResponseSchema } from "../src/wire-schemas";
import {
  basicAuth,
  createTestEmulator,
  exchangeCode,
  getAuthorizationCode,
  getWithToken,
  postForm,
  refresh,
  REDIRECT_URI,
  signIn,
  type TestEmulator,
} from "./helpers";

const TOKEN_PATH = "/v1/oauth/token";
const MINUTE = 60_000;

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

async function expectOAuthError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  const body = oauthErrorResponseSchema.parse(await response.json());
  expect(body.error).toBe(error);
  expect(body.error_description).toBeTruthy();
}

async function addOtherClient() {
  return sandbox.store.apps.create(
    { clientId: "other_client", clientSecret: "other_secret", name: "Other App", redirectUris: [REDIRECT_URI] },
    sandbox.clock.now(),
  );
}

describe("client authentication", () => {
  it("answers 401 invalid_client with a Basic challenge when credentials are missing", async () => {
    const response = await postForm(sandbox.app, TOKEN_PATH, { grant_type: "refresh_token", refresh_token: "x" });
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="astra"');
    await expectOAuthError(response, 401, "invalid_client");
  });

  it("answers 401 invalid_client for a wrong secret or an unknown client", async () => {
    const fields = { grant_type: "refresh_token", refresh_token: "x" };
    const wrongSecret = await postForm(sandbox.app, TOKEN_PATH, fields, {
      Authorization: basicAuth(undefined, "not-the-secret"),
    });
    await expectOAuthError(wrongSecret, 401, "invalid_client");
    const unknown = await postForm(sandbox.app, TOKEN_PATH, fields, { Authorization: basicAuth("nobody", "x") });
    expect(unknown.status).toBe(401);
    // Astra's sandbox wording for an unknown client (common-errors-responses).
    expect(await unknown.json()).toEqual({ error: "invalid_client", error_description: "Invalid client_id" });
  });
});

describe("request validation", () => {
  it("rejects a JSON body with invalid_request", async () => {
    const response = await sandbox.app.request(TOKEN_PATH, {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token", refresh_token: "x" }),
    });
    await expectOAuthError(response, 400, "invalid_request");
  });

  it("rejects a missing grant_type or a missing field with invalid_request", async () => {
    const auth = { Authorization: basicAuth() };
    await expectOAuthError(await postForm(sandbox.app, TOKEN_PATH, { code: "x" }, auth), 400, "invalid_request");
    const noCode = await postForm(
      sandbox.app,
      TOKEN_PATH,
      { grant_type: "authorization_code", redirect_uri: REDIRECT_URI },
      auth,
    );
    await expectOAuthError(noCode, 400, "invalid_request");
  });

  it("rejects an unknown grant_type with unsupported_grant_type", async () => {
    const response = await postForm(
      sandbox.app,
      TOKEN_PATH,
      { grant_type: "password" },
      { Authorization: basicAuth() },
    );
    await expectOAuthError(response, 400, "unsupported_grant_type");
  });
});

describe("authorization_code grant", () => {
  it("returns Bearer tokens that must not be cached", async () => {
    const response = await exchangeCode(sandbox.app, await getAuthorizationCode(sandbox.app));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const body = oauthTokenResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 7200 });
    expect(body.access_token).not.toBe(body.refresh_token);
    expect((await getWithToken(sandbox.app, "/v1/user", body.access_token)).status).toBe(200);
  });

  it("rejects an unknown code with invalid_grant", async () => {
    await expectOAuthError(await exchangeCode(sandbox.app, "no-such-code"), 400, "invalid_grant");
  });

  it("accepts a code once", async () => {
    const code = await getAuthorizationCode(sandbox.app);
    expect((await exchangeCode(sandbox.app, code)).status).toBe(200);
    await expectOAuthError(await exchangeCode(sandbox.app, code), 400, "invalid_grant");
  });

  it("accepts a code for 5 minutes only", async () => {
    const fresh = await getAuthorizationCode(sandbox.app);
    const stale = await getAuthorizationCode(sandbox.app);
    sandbox.clock.advance(5 * MINUTE - 1000);
    expect((await exchangeCode(sandbox.app, fresh)).status).toBe(200);
    sandbox.clock.advance(2000);
    await expectOAuthError(await exchangeCode(sandbox.app, stale), 400, "invalid_grant");
  });

  it("rejects a code presented by another client, without using it up", async () => {
    const other = await addOtherClient();
    const code = await getAuthorizationCode(sandbox.app);
    const stolen = await exchangeCode(sandbox.app, code, REDIRECT_URI, basicAuth(other.clientId, other.clientSecret));
    await expectOAuthError(stolen, 400, "invalid_grant");
    expect((await exchangeCode(sandbox.app, code)).status).toBe(200);
  });

  it("rejects a redirect_uri other than the code's, and the code is then used up", async () => {
    const code = await getAuthorizationCode(sandbox.app);
    await expectOAuthError(await exchangeCode(sandbox.app, code, `${REDIRECT_URI}/`), 400, "invalid_grant");
    await expectOAuthError(await exchangeCode(sandbox.app, code), 400, "invalid_grant");
  });
});

describe("refresh_token grant", () => {
  it("rotates: a new refresh token, a new access token, the old access token revoked", async () => {
    const first = await signIn(sandbox.app);
    const response = await refresh(sandbox.app, first.refresh_token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const second = oauthTokenResponseSchema.parse(await response.json());
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await getWithToken(sandbox.app, "/v1/user", first.access_token)).status).toBe(401);
    expect((await getWithToken(sandbox.app, "/v1/user", second.access_token)).status).toBe(200);
    expect((await refresh(sandbox.app, second.refresh_token)).status).toBe(200);
    // Older refresh tokens stay valid until they expire
    // (https://docs.astra.finance/docs/managing-authorization-lifecycle).
    expect((await refresh(sandbox.app, first.refresh_token)).status).toBe(200);
  });

  it("rejects an unknown refresh token or one issued to another client", async () => {
    const other = await addOtherClient();
    const tokens = await signIn(sandbox.app);
    await expectOAuthError(await refresh(sandbox.app, "no-such-token"), 400, "invalid_grant");
    const stolen = await refresh(sandbox.app, tokens.refresh_token, basicAuth(other.clientId, other.clientSecret));
    await expectOAuthError(stolen, 400, "invalid_grant");
  });

  it("rejects a refresh token older than 10 days", async () => {
    const tokens = await signIn(sandbox.app);
    sandbox.clock.advance(10 * 24 * 60 * MINUTE + 1000);
    await expectOAuthError(await refresh(sandbox.app, tokens.refresh_token), 400, "invalid_grant");
  });
});

describe("access tokens", () => {
  it("keeps one valid access token per user and client", async () => {
    const first = await signIn(sandbox.app);
    const second = await signIn(sandbox.app);
    expect((await getWithToken(sandbox.app, "/v1/user", first.access_token)).status).toBe(401);
    expect((await getWithToken(sandbox.app, "/v1/user", second.access_token)).status).toBe(200);
  });

  it("does not revoke the same user's token at another client", async () => {
    const other = await addOtherClient();
    const mine = await signIn(sandbox.app);
    const code = await getAuthorizationCode(sandbox.app, { query: { client_id: other.clientId } });
    const theirs = await exchangeCode(sandbox.app, code, REDIRECT_URI, basicAuth(other.clientId, other.clientSecret));
    expect(theirs.status).toBe(200);
    expect((await getWithToken(sandbox.app, "/v1/user", mine.access_token)).status).toBe(200);
  });

  it("expires after 2 hours", async () => {
    const tokens = await signIn(sandbox.app);
    sandbox.clock.advance(120 * MINUTE - 1000);
    expect((await getWithToken(sandbox.app, "/v1/user", tokens.access_token)).status).toBe(200);
    sandbox.clock.advance(2000);
    expect((await getWithToken(sandbox.app, "/v1/user", tokens.access_token)).status).toBe(401);
  });
});
