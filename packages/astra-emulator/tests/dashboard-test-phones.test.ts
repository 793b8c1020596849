// Astra's "Enable Phone Numbers For Testing" (Dashboard → Sandbox Settings) and what it does to the module's
// phone sign-in; any other number gets a one-time code shown on the page, so no user intent is a dead end.
import { describe, expect, it } from "vitest";
import { dashboardSuite, settingsFields } from "./dashboard-helpers";
import {
  authorizeUrl,
  createIntent,
  DEFAULT_APP,
  SEED_USER_PHONE,
  intentBody,
  postForm,
  REDIRECT_URI,
  sessionIdFrom,
} from "./helpers";

const suite = dashboardSuite();

const settingsPath = `/dashboard/apps/${DEFAULT_APP.clientId}`;
const shownCode = (html: string) => /Your code is <strong>(\d{6})<\/strong>/.exec(html)?.[1];

/** Opens the module, sends `phone`, and returns the session and the code page. */
async function toCodePage(phone: string, query: Record<string, string> = {}) {
  const start = await suite.sandbox.app.request(authorizeUrl(query));
  expect(start.status).toBe(200);
  const startHtml = await start.text();
  const session_id = sessionIdFrom(startHtml);
  const codePage = await postForm(suite.sandbox.app, "/login/oauth/authorize/phone", { session_id, phone });
  expect(codePage.status).toBe(200);
  return { session_id, startHtml, html: await codePage.text() };
}

const sendCode = (session_id: string, code: string) =>
  postForm(suite.sandbox.app, "/login/oauth/authorize/code", { session_id, code });

async function setTestPhones(enabled: boolean) {
  const cookie = await suite.dashboard.logInSeeded();
  const app = await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
  if (!app) throw new Error("The seeded app is missing.");
  const saved = await suite.dashboard.post(
    settingsPath,
    settingsFields(app, { test_phones_enabled: enabled ? "on" : undefined }),
    cookie,
  );
  expect(saved.status).toBe(303);
  expect((await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId))?.testPhonesEnabled).toBe(enabled);
}

describe("Sandbox Settings: Enable Phone Numbers For Testing", () => {
  it("is on for the seeded app, shown as a ticked box in Sandbox Settings, and off for a new dashboard app", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const html = await (await suite.dashboard.get(settingsPath, cookie)).text();
    expect(html).toContain("Sandbox Settings");
    expect(html).toMatch(/id="test_phones_enabled"[^>]*checked/);
    expect(html).toContain("Enable Phone Numbers For Testing");

    const { clientId } = await suite.dashboard.newAppKeys(await suite.dashboard.signUp("fresh@example.com"));
    expect((await suite.sandbox.store.apps.findByClientId(clientId))?.testPhonesEnabled).toBe(false);
  });

  it("on: a test number signs in with the fixed code 123456", async () => {
    const { session_id, html } = await toCodePage(SEED_USER_PHONE);
    expect(shownCode(html)).toBe("123456");
    const consent = await sendCode(session_id, "123456");
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain("wants to access your Astra account");
  });

  it("off: a test number is an ordinary number; 123456 is refused and the one-time code on the page works", async () => {
    await setTestPhones(false);
    const { session_id, startHtml, html } = await toCodePage(SEED_USER_PHONE);
    expect(startHtml).toContain("no text message is sent");
    const code = shownCode(html);
    expect(code).toMatch(/^\d{6}$/);
    expect(code).not.toBe("123456");
    const refused = await sendCode(session_id, "123456");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("That code is not right");
    const consent = await sendCode(session_id, code ?? "");
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain("wants to access your Astra account");

    await setTestPhones(true);
    const again = await toCodePage(SEED_USER_PHONE);
    expect((await sendCode(again.session_id, "123456")).status).toBe(200);
  });

  it("either way, any other number gets a one-time code on the page (no text message) and signs in with it", async () => {
    const { session_id, html } = await toCodePage("4155550182");
    const code = shownCode(html);
    expect(code).toMatch(/^\d{6}$/);
    expect(code).not.toBe("123456");
    expect((await sendCode(session_id, "123456")).status).toBe(400);
    const profile = await sendCode(session_id, code ?? "");
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain('action="/login/oauth/authorize/profile"');
  });

  it("a user intent with a phone outside the test numbers is no dead end: its person signs in and converts", async () => {
    const created = await createIntent(
      suite.sandbox.app,
      intentBody({ phone: "+13125550188", email: "outside@example.com" }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { session_id, html } = await toCodePage("3125550188", {
      user_intent_id: id,
      phone: "3125550188",
      phone_read_only: "true",
    });
    const consent = await sendCode(session_id, shownCode(html) ?? "");
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain("wants to access your Astra account");
    expect((await suite.sandbox.store.userIntents.findForClient(DEFAULT_APP.clientId, id))?.status).toBe(
      "converted_to_user",
    );
  });
});

describe("Redirect URI not registered", () => {
  it("says to fix the app's AUTH_URL when the browser came from the origin whose callback is registered", async () => {
    const registered = new URL(REDIRECT_URI);
    const wrongPort = `${registered.protocol}//${registered.hostname}:3999${registered.pathname}`;
    const request = (referer?: string) =>
      suite.sandbox.app.request(authorizeUrl({ redirect_uri: wrongPort }), referer ? { headers: { referer } } : {});

    const html = await (await request(`${registered.origin}/`)).text();
    expect(html).toContain(`set it to ${registered.origin}`);
    expect(html).toContain("AUTH_URL");
    expect(html).not.toContain("settings page in the dashboard");

    // From anywhere else (or no referrer), registering the URI is the fix.
    expect(await (await request()).text()).toContain("settings page in the dashboard");
    expect(await (await request("http://elsewhere.example/")).text()).toContain("settings page in the dashboard");
  });

  it("points to the app's settings page with the URI to add, not to an environment variable", async () => {
    const missing = "http://localhost:3100/api/auth/callback/astra";
    const response = await suite.sandbox.app.request(authorizeUrl({ redirect_uri: missing }));
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("Redirect URI not registered");
    expect(html).not.toContain("EMULATOR_REDIRECT_URIS");
    expect(html).toContain("settings page in the dashboard");
    const href = /<a href="([^"]+)">Add /.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    expect(href.startsWith(`/dashboard/apps/${DEFAULT_APP.clientId}?`)).toBe(true);

    const cookie = await suite.dashboard.logInSeeded();
    const settings = await (await suite.dashboard.get(href, cookie)).text();
    expect(settings).toContain(`${REDIRECT_URI}\n${DEFAULT_APP.redirectUris[1]}\n${missing}</textarea>`);
    expect((await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId))?.redirectUris).not.toContain(missing);
  });
});
