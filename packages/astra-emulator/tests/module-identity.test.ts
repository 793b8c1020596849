import { beforeEach, describe, expect, it } from "vitest";
import { userIntentSchema, userSchema } from "../src/wire-schemas";
import {
  authorizeUrl,
  basicAuth,
  createTestEmulator,
  DEFAULT_APP,
  SEED_USER_PHONE,
  exchangeCode,
  getWithToken,
  newIntentId,
  postForm,
  runModuleFlow,
  sessionIdFrom,
  signInAt,
  KYC_IP,
  sendJson,
  type TestEmulator,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const readIntent = async (id: string) =>
  userIntentSchema.parse(
    await (await sandbox.app.request(`/v1/user_intent/${id}`, { headers: { Authorization: basicAuth() } })).json(),
  );

async function eventsOf(resourceId: string) {
  const page = await sandbox.store.webhooks.listForClient(DEFAULT_APP.clientId, { page: 1, pageSize: 100, offset: 0 });
  return page.items
    .filter((event) => event.resourceId === resourceId)
    .map((event) => ({ type: event.type, userId: event.userId }));
}

const consent = (session_id: string, decision = "authorize") =>
  postForm(sandbox.app, "/login/oauth/authorize/consent", { session_id, decision });

async function expectTokenAuthenticationRequired(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get("location")).toBeNull();
  expect(await response.text()).toContain("Token Authentication Required");
}

describe("authorize with user_intent_id", () => {
  it("converts the intent after the code step, skips the profile and the user inherits its status", async () => {
    const intentId = await newIntentId(sandbox.app, {
      phone: "+12025550170",
      ip_address: KYC_IP.document,
      first_name: "Dana",
    });
    const { html, session_id } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550170");
    expect(html).not.toContain('action="/login/oauth/authorize/profile"');
    expect(html).toContain("wants to access your Astra account");

    const converted = await readIntent(intentId);
    expect(converted.status).toBe("converted_to_user");
    expect(converted.user_id).toMatch(/^[0-9a-f]{32}$/);
    expect(converted.oauth_token_issued).toBe(false);
    expect(await eventsOf(intentId)).toEqual([{ type: "user_intent_updated", userId: intentId }]);

    const redirect = await consent(session_id);
    expect(redirect.status).toBe(302);
    const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const { access_token } = (await (await exchangeCode(sandbox.app, code)).json()) as { access_token: string };
    const user = userSchema.parse(await (await getWithToken(sandbox.app, "/v1/user", access_token)).json());
    expect(user).toMatchObject({
      id: converted.user_id,
      phone: "+12025550170",
      first_name: "Dana",
      status: "document",
    });
    const stored = await sandbox.store.users.findById(user.id);
    expect(stored).toMatchObject({ userIntentId: intentId, kycType: "verified" });
    expect((await readIntent(intentId)).oauth_token_issued).toBe(true);
  });

  it("lands in the existing user when the intent's phone already belongs to one", async () => {
    const demo = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    const intentId = await newIntentId(sandbox.app, { phone: `+1${SEED_USER_PHONE}`, ip_address: KYC_IP.rejected });
    const { html } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), SEED_USER_PHONE);
    expect(html).toContain("Signed in as Avery Demo");
    expect(await readIntent(intentId)).toMatchObject({ status: "converted_to_user", user_id: demo?.id });
    expect((await sandbox.store.users.findById(demo?.id ?? ""))?.status).toBe("approved");
  });

  it("lets a pending user become approved when the intent's KYC resolves", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550173", ip_address: KYC_IP.pending });
    await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550173");
    const { user_id } = await readIntent(intentId);
    expect((await sandbox.store.users.findById(user_id ?? ""))?.status).toBe("pending");
    sandbox.clock.advance(10_000);
    expect(await sandbox.store.userIntents.resolveDue(sandbox.clock.now())).toBe(1);
    expect((await sandbox.store.users.findById(user_id ?? ""))?.status).toBe("approved");
    expect((await readIntent(intentId)).status).toBe("converted_to_user");
    expect(await eventsOf(user_id ?? "")).toEqual([{ type: "user_updated", userId: user_id }]);
  });

  it("shows Token Authentication Required, without redirecting, when the URL's phone differs", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550170" });
    await expectTokenAuthenticationRequired(
      await sandbox.app.request(
        authorizeUrl({ user_intent_id: intentId, phone: "2025550171", phone_read_only: "true" }),
      ),
    );
  });

  it("shows Token Authentication Required when the verified phone differs, and leaves the intent alone", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550170" });
    const { response } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550172");
    await expectTokenAuthenticationRequired(response);
    expect(await readIntent(intentId)).toMatchObject({ status: "approved", user_id: null });
  });

  it.each([
    ["an unknown user_intent_id", { user_intent_id: "f".repeat(32) }, "Unknown user intent"],
    ["an unknown user_id", { user_id: "f".repeat(32) }, "Unknown user"],
  ])("shows an error page for %s", async (_, query, text) => {
    const response = await sandbox.app.request(authorizeUrl(query));
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain(text);
  });

  it("treats another app's user intent as unknown", async () => {
    const intentId = await newIntentId(sandbox.app);
    const redirectUri = "https://other.example/callback";
    await sandbox.store.apps.create(
      { clientId: "other_client", clientSecret: "s", name: "Other", redirectUris: [redirectUri] },
      sandbox.clock.now(),
    );
    const response = await sandbox.app.request(
      authorizeUrl({ client_id: "other_client", redirect_uri: redirectUri, user_intent_id: intentId }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Unknown user intent");
  });

  it("checks the phone against user_id too", async () => {
    const demo = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    const { response } = await signInAt(sandbox.app, authorizeUrl({ user_id: demo?.id ?? "" }), "2025550174");
    await expectTokenAuthenticationRequired(response);
    const ok = await runModuleFlow(sandbox.app, { query: { user_id: demo?.id ?? "" } });
    expect(ok.status).toBe(302);
  });
});

describe("users who may not authorize", () => {
  it("lets a rejected intent authenticate, explains on the consent page, and answers Authorize with 403", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550175", ip_address: KYC_IP.rejected });
    const { html, session_id } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550175");
    expect(html).toContain("This Astra account is rejected, so it cannot authorize apps");
    const { user_id } = await readIntent(intentId);
    expect((await sandbox.store.users.findById(user_id ?? ""))?.status).toBe("rejected");

    const refused = await consent(session_id);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("location")).toBeNull();
    expect(await refused.text()).toContain("You cannot authorize this app");
    const denied = await consent(session_id, "deny");
    expect(new URL(denied.headers.get("location") ?? "").searchParams.get("error")).toBe("access_denied");
  });
});

describe("users rejected after conversion", () => {
  it("may authorize and link accounts, but Astra will not initiate their routines", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550176" });
    const { session_id } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550176");
    const { user_id } = await readIntent(intentId);
    await sandbox.store.users.updateStatus(user_id ?? "", "rejected", sandbox.clock.now());

    const authorized = await consent(session_id);
    expect(authorized.status).toBe(302);
    const code = new URL(authorized.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const { access_token } = (await (await exchangeCode(sandbox.app, code)).json()) as { access_token: string };
    const byNumber = await sendJson(sandbox.app, "POST", "/v1/accounts/create", access_token, {
      institution_id: "ins_any",
      name: "Checking",
      bank_account_type: "checking",
      account_number: "12345678",
      routing_number: "222222226",
    });
    expect(byNumber.status).toBe(201);
    const second = await sendJson(sandbox.app, "POST", "/v1/accounts/create", access_token, {
      institution_id: "ins_any",
      name: "Savings",
      bank_account_type: "savings",
      account_number: "87654321",
      routing_number: "222222226",
    });
    const [source, destination] = [(await byNumber.json()).id, (await second.json()).id];
    const routine = await sendJson(sandbox.app, "POST", "/v1/routines", access_token, {
      type: "one-time",
      payment_type: "ach",
      name: "Nope",
      source_id: source,
      destination_id: destination,
      amount: 5,
    });
    expect(routine.status).toBe(403);
  });

  it("tells a rejection at conversion (no Authorize) from a later one (Authorize allowed)", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550177", ip_address: KYC_IP.rejected });
    const { session_id } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550177");
    const { user_id } = await readIntent(intentId);
    expect((await consent(session_id)).status).toBe(403);
    // Approved and then rejected again: this rejection came after conversion, so Authorize is allowed.
    await sandbox.store.users.updateStatus(user_id ?? "", "approved", sandbox.clock.now());
    await sandbox.store.users.updateStatus(user_id ?? "", "rejected", sandbox.clock.now());
    expect((await consent(session_id)).status).toBe(302);
  });
});

describe("the login cookie and test codes", () => {
  it("sets an httpOnly, SameSite=Lax login cookie after phone verification", async () => {
    const { response } = await signInAt(sandbox.app, authorizeUrl(), SEED_USER_PHONE);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^astra_sandbox_login=[^;]+/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
  });

  it("hides the test code when the app turns show_test_codes off, and the code still works", async () => {
    const app = await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    if (!app) throw new Error("The seeded app is missing.");
    await sandbox.store.apps.updateSettings(app.clientId, { ...app, showTestCodes: false });
    const start = await sandbox.app.request(authorizeUrl());
    const session_id = sessionIdFrom(await start.text());
    const codePage = await (
      await postForm(sandbox.app, "/login/oauth/authorize/phone", { session_id, phone: SEED_USER_PHONE })
    ).text();
    expect(codePage).toContain("Enter the 6-digit code");
    expect(codePage).not.toContain("123456");
    const wrong = await postForm(sandbox.app, "/login/oauth/authorize/code", { session_id, code: "000000" });
    expect(await wrong.text()).not.toContain("123456");
    const right = await postForm(sandbox.app, "/login/oauth/authorize/code", { session_id, code: "123456" });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("wants to access your Astra account");
  });
});
