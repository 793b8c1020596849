// Walks the module flows and the dashboard like a browser, mounted under /emulator (hosted.ts) and on its own
// port (no base path), and checks that every link, form action, source, Location and cookie path the emulator
// writes stays under its base path, so nothing it writes lands on the app's own /dashboard or /verify.
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createManualClock } from "../src/lib/clock";
import { createStore } from "../src/store";
import { SEED_DEVELOPER } from "../src/store/seed";
import { DEFAULT_APP, SEED_USER_PHONE, REDIRECT_URI, sessionIdFrom } from "./helpers";
import { createBrowser, createHostedTestEmulator, formAction, urlAttributes, type Fetcher } from "./mount-helpers";

const LINKED_URI = "http://localhost:3000/accounts/linked";
const UNREGISTERED_URI = "https://elsewhere.example/callback";

function standaloneFetcher(): Fetcher {
  const app = createApp({ store: createStore(":memory:"), clock: createManualClock(new Date("2026-01-15T17:00:00Z")) });
  return async (request) => app.fetch(request);
}

function hostedFetcher(): Fetcher {
  const { hosted } = createHostedTestEmulator();
  return (request) => hosted.fetch(request);
}

const query = (params: Record<string, string>) =>
  new URLSearchParams({ client_id: DEFAULT_APP.clientId, ...params }).toString();

describe.each([
  { mount: "under /emulator (hosted)", basePath: "/emulator", fetcher: hostedFetcher },
  { mount: "on its own port (standalone)", basePath: "", fetcher: standaloneFetcher },
])("the emulator $mount", ({ basePath, fetcher }) => {
  const newBrowser = () => createBrowser(fetcher(), basePath, [REDIRECT_URI, LINKED_URI]);

  it("keeps the module flows under the base path: authorize, phone, code, consent, bank linking and back", async () => {
    const browser = newBrowser();
    const start = await browser.get(
      `${basePath}/login/oauth/authorize?${query({ redirect_uri: REDIRECT_URI, response_type: "code", state: "s1" })}`,
    );
    expect(start.status).toBe(200);
    const session_id = sessionIdFrom(start.html);
    const code = await browser.post(formAction(start.html), { session_id, phone: SEED_USER_PHONE });
    expect(code.status, browser.problems.join("\n")).toBe(200);
    const consent = await browser.post(formAction(code.html), { session_id, code: "123456" });
    expect(consent.html).toContain("wants to access your Astra account");
    const back = await browser.post(formAction(consent.html), { session_id, decision: "authorize" });
    expect(back.status).toBe(302);
    expect(back.location?.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(new URL(back.location ?? "").searchParams.get("state")).toBe("s1");

    // The login cookie set at the code step reaches the bank-linking pages, so they skip signing in.
    expect(browser.cookieNames()).toContain("astra_sandbox_login");
    const pick = await browser.get(`${basePath}/institutions/connect?${query({ redirect_uri: LINKED_URI })}`);
    expect(pick.html).toContain("Link a bank account");
    const linking = sessionIdFrom(pick.html);
    const institution_id = "ins_harbor";
    const login = await browser.post(formAction(pick.html), { session_id: linking, institution_id });
    const choice = await browser.post(formAction(login.html), {
      session_id: linking,
      institution_id,
      username: "user_good",
      password: "pass_good",
    });
    expect(choice.html).toContain("Choose accounts to link");
    const linked = await browser.post(formAction(choice.html), {
      session_id: linking,
      institution_id,
      account: "6120",
    });
    expect(linked.status).toBe(302);
    expect(linked.location?.startsWith(`${LINKED_URI}?`)).toBe(true);

    expect(browser.problems).toEqual([]);
  });

  it.each(["personal", "document"])("keeps the verify/%s flow under the base path", async (kind) => {
    const browser = newBrowser();
    const start = await browser.get(`${basePath}/verify/${kind}?${query({ redirect_uri: REDIRECT_URI })}`);
    expect(start.status, start.html).toBe(200);
    expect(formAction(start.html)).toBe(`${basePath}/verify/${kind}/phone`);
    const session_id = sessionIdFrom(start.html);
    const code = await browser.post(formAction(start.html), { session_id, phone: SEED_USER_PHONE });
    const after = await browser.post(formAction(code.html), { session_id, code: "123456" });
    expect(after.status, after.html).toBe(200);
    expect(browser.problems).toEqual([]);
  });

  it("keeps the dashboard under the base path: login, every page linked from it, the link generator, log out", async () => {
    const browser = newBrowser();
    // The module's "Redirect URI not registered" page links to the app's settings in the dashboard.
    const unregistered = await browser.get(
      `${basePath}/login/oauth/authorize?${query({ redirect_uri: UNREGISTERED_URI, response_type: "code" })}`,
    );
    expect(unregistered.status).toBe(400);
    const addLink = urlAttributes(unregistered.html).find(({ value }) => value.includes("add_redirect_uri"));
    expect(addLink?.value.startsWith(`${basePath}/dashboard/apps/`)).toBe(true);

    const loginPage = await browser.follow(await browser.get(`${basePath}/`));
    expect(loginPage.html).toContain("Log in to the sandbox dashboard");
    const next = /name="next" value="([^"]*)"/.exec(loginPage.html)?.[1] ?? "";
    const signedIn = await browser.post(formAction(loginPage.html), {
      email: SEED_DEVELOPER.email,
      password: SEED_DEVELOPER.password,
      next,
    });
    expect(signedIn.status).toBe(303);

    // Every page reachable by a link from the app list, once each.
    const seen = new Set<string>();
    const queue = [`${basePath}/dashboard`, addLink?.value ?? ""];
    while (queue.length > 0 && seen.size < 60) {
      const path = queue.shift() ?? "";
      if (seen.has(path)) continue;
      seen.add(path);
      const page = await browser.get(path);
      expect(page.status, `${path}\n${browser.problems.join("\n")}`).toBe(200);
      for (const { name, value } of urlAttributes(page.html)) {
        if (name === "href" && value.startsWith(`${basePath}/dashboard`) && !seen.has(value)) queue.push(value);
      }
    }
    for (const tab of ["/links", "/users", "/webhooks", "/delete"]) {
      expect([...seen].some((path) => path.endsWith(tab))).toBe(true);
    }

    const appPath = `${basePath}/dashboard/apps/${DEFAULT_APP.clientId}`;
    const generated = await browser.get(
      `${appPath}/links?${new URLSearchParams({ action: "collect_authorization", redirect_uri: REDIRECT_URI, generate: "1" })}`,
    );
    expect(generated.html).toContain(`href="http://localhost${basePath}/login/oauth/authorize?`);

    const settings = await browser.get(appPath);
    const loggedOut = await browser.post(formAction(settings.html, 0), {});
    expect(loggedOut.status).toBe(303);
    expect(browser.cookieNames()).not.toContain("astra_sandbox_dev");

    expect(browser.problems).toEqual([]);
  });
});
