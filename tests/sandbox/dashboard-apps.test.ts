import { beforeEach, describe, expect, it } from "vitest";
import { dashboardClient, ORIGIN, PASSWORD } from "./dashboard-helpers";
import {
  authorizeUrl,
  basicAuth,
  createSandbox,
  DEFAULT_APP,
  DEMO_USER_PHONE,
  refresh,
  type Sandbox,
} from "./helpers";

let sandbox: Sandbox;
let dashboard: ReturnType<typeof dashboardClient>;
beforeEach(() => {
  sandbox = createSandbox();
  dashboard = dashboardClient(sandbox);
});
const get: typeof dashboard.get = (...args) => dashboard.get(...args);
const post: typeof dashboard.post = (...args) => dashboard.post(...args);


describe("applications", () => {
  it("creating an app shows keys once, and they are accepted by POST /v1/oauth/token", async () => {
    const cookie = await dashboard.signUp("keys@example.com");
    const { clientId, secret } = await dashboard.newAppKeys(cookie);
    const accepted = await refresh(sandbox.app, "bogus-refresh-token", basicAuth(clientId, secret));
    expect(accepted.status).toBe(400);
    expect(((await accepted.json()) as { error: string }).error).toBe("invalid_grant");
    const wrongSecret = await refresh(sandbox.app, "bogus-refresh-token", basicAuth(clientId, `${secret}x`));
    expect(wrongSecret.status).toBe(401);

    const settings = await (await get(`/dashboard/apps/${clientId}`, cookie)).text();
    expect(settings).toContain(clientId);
    expect(settings).not.toContain(secret);
    const revealed = await post(`/dashboard/apps/${clientId}/reveal-secret`, {}, cookie);
    expect(await revealed.text()).toContain(secret);
    expect(revealed.headers.get("cache-control")).toBe("no-store");
  });

  it("explains each bad redirect URI and keeps what was typed", async () => {
    const cookie = await dashboard.signUp("uris@example.com");
    const typed = "https://ok.example/cb\nnot a url\nftp://files.example/cb\nhttps://app.example/cb#top";
    const { response, html } = await dashboard.submitNewApp(cookie, { name: "Kept Name", redirect_uris: typed });
    expect(response.status).toBe(400);
    expect(html).toContain("&quot;not a url&quot; contains a space");
    expect(html).toContain("&quot;ftp://files.example/cb&quot; must start with https:// or http://");
    expect(html).toContain("&quot;https://app.example/cb#top&quot; must not contain a #fragment");
    expect(html).not.toContain("ok.example/cb&quot;");
    expect(html).toContain('value="Kept Name"');
    expect(html).toContain("https://app.example/cb#top</textarea>");
    expect(await sandbox.store.apps.listByDeveloper((await sandbox.store.developers.logIn("uris@example.com", PASSWORD))?.id ?? "")).toEqual([]);

    const empty = await dashboard.submitNewApp(cookie, { name: "", support_email: "nope", redirect_uris: "  \n" });
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Enter a name");
    expect(empty.html).toContain("Enter an email address");
    expect(empty.html).toContain("Enter at least one redirect URI");
  });

  it("edited redirect URIs take effect on /login/oauth/authorize", async () => {
    const cookie = await dashboard.logInSeeded();
    const newUri = "https://staging.example/api/auth/callback/astra";
    const saved = await post(`/dashboard/apps/${DEFAULT_APP.clientId}`, { redirect_uris: newUri, webhook_url: "" }, cookie);
    expect(saved.status).toBe(303);
    expect((await sandbox.app.request(authorizeUrl({ redirect_uri: newUri }))).status).toBe(200);
    expect((await sandbox.app.request(authorizeUrl())).status).toBe(400);
  });

  it("saves the webhook URL and the test-code setting, and rejects a bad webhook URL without saving", async () => {
    const cookie = await dashboard.logInSeeded();
    const path = `/dashboard/apps/${DEFAULT_APP.clientId}`;
    const redirect_uris = DEFAULT_APP.redirectUris.join("\n");
    await post(path, { redirect_uris, webhook_url: "https://hooks.example/astra" }, cookie);
    let app = await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    expect(app?.webhookUrl).toBe("https://hooks.example/astra");
    expect(app?.showTestCodes).toBe(false);

    const bad = await post(path, { redirect_uris: "https://other.example/cb", webhook_url: "hooks.example", show_test_codes: "on" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("is not an absolute URL");
    app = await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    expect(app?.redirectUris).toEqual(DEFAULT_APP.redirectUris);
    expect(app?.showTestCodes).toBe(false);

    await post(path, { redirect_uris, webhook_url: "", show_test_codes: "on" }, cookie);
    app = await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    expect(app?.webhookUrl).toBeNull();
    expect(app?.showTestCodes).toBe(true);
  });

  it("unticking the test-code setting hides the sandbox code on the module's pages", async () => {
    expect(await (await sandbox.app.request(authorizeUrl())).text()).toContain("123456");
    const cookie = await dashboard.logInSeeded();
    const saved = await post(`/dashboard/apps/${DEFAULT_APP.clientId}`, { redirect_uris: DEFAULT_APP.redirectUris.join("\n"), webhook_url: "" }, cookie);
    expect(saved.status).toBe(303);
    expect(await (await sandbox.app.request(authorizeUrl())).text()).not.toContain("123456");
  });

  it("another developer gets 404 for every page of an app that is not theirs", async () => {
    const cookie = await dashboard.signUp("stranger@example.com");
    const base = `/dashboard/apps/${DEFAULT_APP.clientId}`;
    for (const path of [base, `${base}/links`, `${base}/users`, `${base}/webhooks`]) {
      const response = await get(path, cookie);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(DEFAULT_APP.clientSecret);
    }
    expect((await post(base, { redirect_uris: "https://evil.example/cb" }, cookie)).status).toBe(404);
    expect((await post(`${base}/reveal-secret`, {}, cookie)).status).toBe(404);
    expect((await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId))?.redirectUris).toEqual(DEFAULT_APP.redirectUris);
    expect(await (await get("/dashboard", cookie)).text()).not.toContain(DEFAULT_APP.clientId);
  });
});

describe("link generator", () => {
  it("builds a module link on the emulator's origin for a chosen user, with their phone locked", async () => {
    const cookie = await dashboard.logInSeeded();
    const demo = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, DEMO_USER_PHONE);
    const query = new URLSearchParams({
      generate: "1",
      action: "collect_authorization",
      redirect_uri: DEFAULT_APP.redirectUris[0] ?? "",
      subject: `user:${demo?.id}`,
      state: "st-1",
    });
    const response = await get(`/dashboard/apps/${DEFAULT_APP.clientId}/links?${query}`, cookie);
    expect(response.status).toBe(200);
    const href = /<a class="button" href="([^"]+)"/.exec(await response.text())?.[1]?.replaceAll("&amp;", "&");
    const url = new URL(href ?? "");
    expect(url.origin).toBe(ORIGIN);
    expect(url.pathname).toBe("/login/oauth/authorize");
    expect(url.searchParams.get("user_id")).toBe(demo?.id);
    expect(url.searchParams.get("phone")).toBe(DEMO_USER_PHONE);
    expect(url.searchParams.get("phone_read_only")).toBe("true");
    expect(url.searchParams.get("state")).toBe("st-1");
  });

  it("refuses a redirect URI that is not registered and a person from another app", async () => {
    const cookie = await dashboard.logInSeeded();
    const query = new URLSearchParams({ generate: "1", action: "link_bank_account", redirect_uri: "https://evil.example/cb", subject: "user:someone-else" });
    const response = await get(`/dashboard/apps/${DEFAULT_APP.clientId}/links?${query}`, cookie);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("Choose one of the registered redirect URIs");
    expect(html).toContain("not one of this app");
    expect(html).not.toContain("Your link");
  });
});
