import { describe, expect, it } from "vitest";
import { dashboardSuite, ORIGIN, PASSWORD, settingsFields } from "./dashboard-helpers";
import { authorizeUrl, basicAuth, DEFAULT_APP, SEED_USER_PHONE, getWithToken, refresh, signIn } from "./helpers";

const suite = dashboardSuite();
const { get, post } = suite;

describe("applications", () => {
  const settingsPath = `/dashboard/apps/${DEFAULT_APP.clientId}`;
  const seededApp = async () => {
    const app = await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    if (!app) throw new Error("The seeded app is missing.");
    return app;
  };

  it("Save Changes answers 303 to the app's page with its Keys, and reloading that page creates nothing", async () => {
    const cookie = await suite.dashboard.signUp("keys@example.com");
    const form = await (await get("/dashboard", cookie)).text();
    expect(form).toContain("Save Changes");
    expect(form).toContain("Support email or URL");
    const { clientId, secret, location } = await suite.dashboard.newAppKeys(cookie);
    expect(location).toBe(`/dashboard/apps/${clientId}?created=1`);
    const page = await get(location, cookie);
    const html = await page.text();
    expect(html).toContain('<h2 id="keys-heading">Keys</h2>');
    expect(html).toContain("Client ID");
    expect(html).toContain("Client Secret");
    expect(html).toMatch(/data-copy="client-secret"[^>]*hidden/);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const developer = await suite.sandbox.store.developers.logIn("keys@example.com", PASSWORD);
    expect(await suite.sandbox.store.apps.listByDeveloper(developer?.id ?? "")).toHaveLength(1);

    const accepted = await refresh(suite.sandbox.app, "bogus-refresh-token", basicAuth(clientId, secret));
    expect(accepted.status).toBe(400);
    expect(((await accepted.json()) as { error: string }).error).toBe("invalid_grant");
    const wrongSecret = await refresh(suite.sandbox.app, "bogus-refresh-token", basicAuth(clientId, `${secret}x`));
    expect(wrongSecret.status).toBe(401);

    const settings = await (await get(`/dashboard/apps/${clientId}`, cookie)).text();
    expect(settings).toContain(clientId);
    expect(settings).not.toContain(secret);
    const revealed = await post(`/dashboard/apps/${clientId}/reveal-secret`, {}, cookie);
    expect(revealed.status).toBe(303);
    const shown = await get(revealed.headers.get("location") ?? "", cookie);
    expect(await shown.text()).toContain(secret);
    expect(shown.headers.get("cache-control")).toBe("no-store");
  });

  it("checks each redirect URI line on its own and names the bad line, keeping what was typed", async () => {
    const cookie = await suite.dashboard.signUp("uris@example.com");
    const typed = [
      "https://ok.example/cb",
      "not a url",
      "ftp://files.example/cb",
      "https://app.example/cb#top",
      "https://a.example/cb, https://b.example/cb",
      "https://c.example/cb,https://d.example/cb",
    ].join("\n");
    const { response, html } = await suite.dashboard.submitNewApp(cookie, { name: "Kept Name", redirect_uris: typed });
    expect(response.status).toBe(400);
    expect(html).toContain("Line 2: &quot;not a url&quot; contains a space");
    expect(html).toContain("Line 3: &quot;ftp://files.example/cb&quot; must start with https:// or http://");
    expect(html).toContain("Line 4: &quot;https://app.example/cb#top&quot; must not contain a #fragment");
    expect(html).toContain("Line 5: &quot;https://a.example/cb, https://b.example/cb&quot; holds more than one URI");
    expect(html).toContain("Line 6: &quot;https://c.example/cb,https://d.example/cb&quot; holds more than one URI");
    expect(html).not.toContain("Line 1:");
    expect(html).toContain('value="Kept Name"');
    expect(html).toContain("https://c.example/cb,https://d.example/cb</textarea>");
    expect(
      await suite.sandbox.store.apps.listByDeveloper(
        (await suite.sandbox.store.developers.logIn("uris@example.com", PASSWORD))?.id ?? "",
      ),
    ).toEqual([]);

    const empty = await suite.dashboard.submitNewApp(cookie, {
      name: "",
      support_email: "nope",
      redirect_uris: "  \n",
    });
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain("Enter a name");
    expect(empty.html).toContain("Enter an email address like support@example.com or a URL");
    expect(empty.html).toContain("Enter at least one redirect URI");

    const two = await suite.dashboard.submitNewApp(cookie, {
      redirect_uris: "https://a.example/cb\r\n\r\nhttps://b.example/cb\n",
    });
    expect(two.response.status).toBe(303);
    const [app] = await suite.sandbox.store.apps.listByDeveloper(
      (await suite.sandbox.store.developers.logIn("uris@example.com", PASSWORD))?.id ?? "",
    );
    expect(app?.redirectUris).toEqual(["https://a.example/cb", "https://b.example/cb"]);
  });

  it("takes a support email or a support URL, and refuses anything else", async () => {
    const cookie = await suite.dashboard.signUp("support@example.com");
    const url = await suite.dashboard.submitNewApp(cookie, { support_email: "https://help.payroll.example/contact" });
    expect(url.response.status).toBe(303);
    const [app] = await suite.sandbox.store.apps.listByDeveloper(
      (await suite.sandbox.store.developers.logIn("support@example.com", PASSWORD))?.id ?? "",
    );
    expect(app?.supportEmail).toBe("https://help.payroll.example/contact");
    expect(
      (await suite.dashboard.submitNewApp(cookie, { support_email: "help.payroll.example" })).response.status,
    ).toBe(400);
  });

  it("renames an app and changes its support contact on the settings page", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const app = await seededApp();
    const saved = await post(
      settingsPath,
      settingsFields(app, { name: "Renamed Starter", support_email: "help@starter.example" }),
      cookie,
    );
    expect(saved.status).toBe(303);
    expect(await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId)).toMatchObject({
      name: "Renamed Starter",
      supportEmail: "help@starter.example",
    });
    expect(await (await get(saved.headers.get("location") ?? "", cookie)).text()).toContain("Renamed Starter");
    const blank = await post(settingsPath, settingsFields(app, { name: "  " }), cookie);
    expect(blank.status).toBe(400);
    expect((await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId))?.name).toBe("Renamed Starter");
  });

  it("deletes an app after a confirmation page, with everything that belongs to it, and then forgets its keys", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const { access_token } = await signIn(suite.sandbox.app);
    const confirm = await get(`${settingsPath}/delete`, cookie);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("1 user with their accounts");
    expect(await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId)).not.toBeNull();

    const deleted = await post(`${settingsPath}/delete`, {}, cookie);
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe(`/dashboard?deleted=${encodeURIComponent(DEFAULT_APP.name)}`);
    expect(await (await get(deleted.headers.get("location") ?? "", cookie)).text()).toContain(
      `Deleted ${DEFAULT_APP.name}`,
    );
    expect(await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId)).toBeNull();
    expect(await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE)).toBeNull();
    expect((await getWithToken(suite.sandbox.app, "/v1/user", access_token)).status).toBe(401);
    expect((await refresh(suite.sandbox.app, "any")).status).toBe(401);
    expect((await post(`${settingsPath}/delete`, {}, cookie)).status).toBe(404);
  });

  it("edited redirect URIs take effect on /login/oauth/authorize", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const newUri = "https://staging.example/api/auth/callback/astra";
    const saved = await post(settingsPath, settingsFields(await seededApp(), { redirect_uris: newUri }), cookie);
    expect(saved.status).toBe(303);
    expect((await suite.sandbox.app.request(authorizeUrl({ redirect_uri: newUri }))).status).toBe(200);
    expect((await suite.sandbox.app.request(authorizeUrl())).status).toBe(400);
  });

  it("saves the webhook URL and the test-code setting, and rejects a bad webhook URL without saving", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const initial = await seededApp();
    await post(
      settingsPath,
      settingsFields(initial, { webhook_url: "https://hooks.example/astra", show_test_codes: undefined }),
      cookie,
    );
    let app = await seededApp();
    expect(app.webhookUrl).toBe("https://hooks.example/astra");
    expect(app.showTestCodes).toBe(false);

    const bad = await post(
      settingsPath,
      settingsFields(app, {
        redirect_uris: "https://other.example/cb",
        webhook_url: "hooks.example",
        show_test_codes: "on",
      }),
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("is not an absolute URL");
    app = await seededApp();
    expect(app.redirectUris).toEqual(DEFAULT_APP.redirectUris);
    expect(app.showTestCodes).toBe(false);

    await post(settingsPath, settingsFields(app, { webhook_url: "", show_test_codes: "on" }), cookie);
    app = await seededApp();
    expect(app.webhookUrl).toBeNull();
    expect(app.showTestCodes).toBe(true);
  });

  it("unticking the test-code setting hides the sandbox code on the module's pages", async () => {
    expect(await (await suite.sandbox.app.request(authorizeUrl())).text()).toContain("123456");
    const cookie = await suite.dashboard.logInSeeded();
    const saved = await post(settingsPath, settingsFields(await seededApp(), { show_test_codes: undefined }), cookie);
    expect(saved.status).toBe(303);
    expect(await (await suite.sandbox.app.request(authorizeUrl())).text()).not.toContain("123456");
  });

  it("another developer gets 404 for every page of an app that is not theirs", async () => {
    const cookie = await suite.dashboard.signUp("stranger@example.com");
    const base = settingsPath;
    for (const path of [base, `${base}/links`, `${base}/users`, `${base}/webhooks`, `${base}/delete`]) {
      const response = await get(path, cookie);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(DEFAULT_APP.clientSecret);
    }
    expect(
      (await post(base, settingsFields(await seededApp(), { redirect_uris: "https://evil.example/cb" }), cookie))
        .status,
    ).toBe(404);
    expect((await post(`${base}/reveal-secret`, {}, cookie)).status).toBe(404);
    expect((await post(`${base}/delete`, {}, cookie)).status).toBe(404);
    expect((await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId))?.redirectUris).toEqual(
      DEFAULT_APP.redirectUris,
    );
    expect(await (await get("/dashboard", cookie)).text()).not.toContain(DEFAULT_APP.clientId);
  });
});

describe("link generator", () => {
  it("builds a module link on the emulator's origin for a chosen user, with their phone locked", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const demo = await suite.sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    const query = new URLSearchParams({
      generate: "1",
      action: "collect_authorization",
      redirect_uri: DEFAULT_APP.redirectUris[0] ?? "",
      subject: `user:${demo?.id}`,
      state: "st-1",
    });
    const response = await get(`/dashboard/apps/${DEFAULT_APP.clientId}/links?${query}`, cookie);
    expect(response.status).toBe(200);
    const page = await response.clone().text();
    expect(page).toContain("User: Avery Demo · (202) 555-0123 · approved · 2 accounts</option>");
    const href = /<a class="button" href="([^"]+)"/.exec(page)?.[1]?.replaceAll("&amp;", "&");
    const url = new URL(href ?? "");
    expect(url.origin).toBe(ORIGIN);
    expect(url.pathname).toBe("/login/oauth/authorize");
    expect(url.searchParams.get("user_id")).toBe(demo?.id);
    expect(url.searchParams.get("phone")).toBe(SEED_USER_PHONE);
    expect(url.searchParams.get("phone_read_only")).toBe("true");
    expect(url.searchParams.get("state")).toBe("st-1");
  });

  it("refuses a redirect URI that is not registered and a person from another app", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const query = new URLSearchParams({
      generate: "1",
      action: "link_bank_account",
      redirect_uri: "https://evil.example/cb",
      subject: "user:someone-else",
    });
    const response = await get(`/dashboard/apps/${DEFAULT_APP.clientId}/links?${query}`, cookie);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("Choose one of the registered redirect URIs");
    expect(html).toContain("not one of this app");
    expect(html).not.toContain("Your link");
  });
});
