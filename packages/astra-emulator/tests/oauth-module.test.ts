import { beforeEach, describe, expect, it } from "vitest";
import { accountListSchema, userSchema } from "../src/wire-schemas";
import {
  authorizeUrl,
  createTestEmulator,
  DEFAULT_APP,
  exchangeCode,
  getWithToken,
  postForm,
  REDIRECT_URI,
  runModuleFlow,
  sessionIdFrom,
  signIn,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

async function startSession(query: Record<string, string> = {}) {
  const response = await sandbox.app.request(authorizeUrl(query));
  expect(response.status).toBe(200);
  return sessionIdFrom(await response.text());
}

const post = (step: string, fields: Record<string, string>) =>
  postForm(sandbox.app, `/login/oauth/authorize/${step}`, fields);

describe("untrusted requests get an error page, never a redirect", () => {
  it.each([
    ["an unknown client_id", { client_id: "nobody" }, "Invalid client_id"],
    ["an unregistered redirect_uri", { redirect_uri: "https://evil.example/callback" }, "not registered"],
    ["a redirect_uri that only nearly matches", { redirect_uri: `${REDIRECT_URI}/` }, "not registered"],
    ["a response_type other than code", { response_type: "token" }, "response_type"],
    ["a malformed phone", { phone: "+12025550123" }, "10-digit"],
  ])("rejects %s", async (_, query, text) => {
    const response = await sandbox.app.request(authorizeUrl(query));
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("request-id")).toBeTruthy();
    expect(await response.text()).toContain(text);
  });

  it("rejects an unknown or expired session id", async () => {
    const session_id = await startSession();
    expect((await post("phone", { session_id: "forged", phone: "2025550123" })).status).toBe(400);
    sandbox.clock.advance(31 * 60_000);
    const response = await post("phone", { session_id, phone: "2025550123" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("expired");
  });
});

describe("the sign-in flow", () => {
  it("redirects with code and state, and the code exchanges for the seed user's tokens", async () => {
    const response = await runModuleFlow(sandbox.app, { state: "st-81" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("st-81");
    const code = location.searchParams.get("code") ?? "";
    const tokens = await exchangeCode(sandbox.app, code);
    expect(tokens.status).toBe(200);
    const { access_token } = (await tokens.json()) as { access_token: string };
    const user = userSchema.parse(await (await getWithToken(sandbox.app, "/v1/user", access_token)).json());
    expect(user.first_name).toBe("Avery");
  });

  it("shows the sandbox hints and the consent wording", async () => {
    const phonePage = await (await sandbox.app.request(authorizeUrl())).text();
    const session_id = sessionIdFrom(phonePage);
    expect(phonePage).toContain("Sandbox: test numbers 2025550100–2025550199 accept the code 123456");
    const codePage = await (await post("phone", { session_id, phone: "(202) 555-0123" })).text();
    expect(codePage).toContain('Enter the 6-digit code sent to <span class="nowrap">(202) 555-0123</span>');
    const consent = await (await post("code", { session_id, code: "123456" })).text();
    expect(consent).toContain(`${DEFAULT_APP.name} wants to access your Astra account`);
    expect(consent).toMatch(/<button[^>]*name="decision" value="authorize"[^>]*>Authorize<\/button>/);
    expect(consent).toMatch(/<button[^>]*name="decision" value="deny"[^>]*>Deny<\/button>/);
  });

  it("omits state from the redirect when none was sent, and keeps the redirect_uri's own query", async () => {
    const redirectUri = "https://client.example/callback?tenant=7";
    await sandbox.store.apps.create(
      { clientId: "tenant_client", clientSecret: "s", name: "Tenant App", redirectUris: [redirectUri] },
      sandbox.clock.now(),
    );
    const response = await runModuleFlow(sandbox.app, {
      query: { client_id: "tenant_client", redirect_uri: redirectUri },
    });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("tenant")).toBe("7");
    expect(location.searchParams.get("code")).toBeTruthy();
    expect(location.searchParams.has("state")).toBe(false);
  });

  it("shows an inline error for a wrong code and still accepts the right one", async () => {
    const session_id = await startSession();
    await post("phone", { session_id, phone: "2025550123" });
    const wrong = await post("code", { session_id, code: "000000" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("That code is not right");
    expect((await post("code", { session_id, code: "123456" })).status).toBe(200);
  });

  it("takes any number: one outside the test numbers gets a one-time code shown on the page", async () => {
    const session_id = await startSession();
    const response = await post("phone", { session_id, phone: "4155550182" });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/no text message is sent\. Your code is <strong>\d{6}<\/strong>/);
  });

  it("keeps a read-only phone even if the form sends another", async () => {
    const session_id = await startSession({ phone: "2025550123", phone_read_only: "true" });
    const codePage = await (await post("phone", { session_id, phone: "2025550150" })).text();
    expect(codePage).toContain("(202) 555-0123");
  });

  it("redirects a denial with access_denied and the state", async () => {
    const response = await runModuleFlow(sandbox.app, { state: "st-9", decision: "deny" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("error_description")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("st-9");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("ends the session on authorize, so the consent cannot be replayed", async () => {
    const session_id = await startSession();
    await post("phone", { session_id, phone: "2025550123" });
    await post("code", { session_id, code: "123456" });
    expect((await post("consent", { session_id, decision: "authorize" })).status).toBe(302);
    const replay = await post("consent", { session_id, decision: "authorize" });
    expect(replay.status).toBe(400);
    expect(replay.headers.get("location")).toBeNull();
  });
});

describe("a new test number", () => {
  it("validates the profile step field by field and keeps the values", async () => {
    const session_id = await startSession();
    await post("phone", { session_id, phone: "2025550142" });
    const profilePage = await (await post("code", { session_id, code: "123456" })).text();
    expect(profilePage).toContain('name="first_name"');
    const invalid = await post("profile", { session_id, first_name: "", last_name: "Rivera", email: "not-an-email" });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain("Enter your first name.");
    expect(html).toContain("Enter an email address");
    expect(html).toContain('value="Rivera"');
    expect(html).toContain('value="not-an-email"');
  });

  it("creates an approved user with no accounts", async () => {
    const profile = { first_name: "Jordan", last_name: "Rivera", email: "jordan@example.com" };
    const { access_token } = await signIn(sandbox.app, { phone: "2025550142", profile });
    const user = userSchema.parse(await (await getWithToken(sandbox.app, "/v1/user", access_token)).json());
    expect(user).toMatchObject({
      phone: "+12025550142",
      first_name: "Jordan",
      email: "jordan@example.com",
      status: "approved",
    });
    const accounts = accountListSchema.parse(
      await (await getWithToken(sandbox.app, "/v1/accounts", access_token)).json(),
    );
    expect(accounts).toMatchObject({ count: 0, accounts: [] });
  });
});
