// The hosted emulator (packages/astra-emulator/src/hosted.ts): redirect URIs on the deployment's own origins, webhooks through
// the app's in-process `deliver`, a read-only dashboard on the public demo, and its options checked up front.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { createHostedEmulator, type HostedEmulator } from "../src/hosted";
import { systemClock } from "../src/lib/clock";
import { createStore, type DeveloperApp, type Store } from "../src/store";
import { SEED_DEVELOPER } from "../src/store/seed";
import { PASSWORD, settingsFields, signupFields } from "./dashboard-helpers";
import { basicAuth, DEFAULT_APP, SEED_USER_PHONE, intentBody, sessionIdFrom } from "./helpers";
import { createBrowser, createHostedTestEmulator, formAction, ORIGIN, type Fetcher } from "./mount-helpers";

const BRANCH_ORIGIN = "https://demo-git-feature.vercel.app";
const ownOrigins = (request: Request) => [new URL(request.url).origin, BRANCH_ORIGIN];
const APP_PATH = `/emulator/dashboard/apps/${DEFAULT_APP.clientId}`;

afterEach(() => {
  vi.restoreAllMocks();
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers,
});

/** GET authorize, phone, code, consent at the actions the pages give; returns the authorize page or the redirect. */
async function authorize(fetcher: Fetcher, prefix: string, redirectUri: string) {
  const call = (path: string, init?: RequestInit) => fetcher(new Request(new URL(path, ORIGIN), init));
  const params = new URLSearchParams({
    client_id: DEFAULT_APP.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
  });
  const start = await call(`${prefix}/login/oauth/authorize?${params}`);
  const startHtml = await start.text();
  if (start.status !== 200) return { start, startHtml, location: null };
  const session_id = sessionIdFrom(startHtml);
  const code = await (await call(formAction(startHtml), form({ session_id, phone: SEED_USER_PHONE }))).text();
  const consent = await (await call(formAction(code), form({ session_id, code: "123456" }))).text();
  const done = await call(formAction(consent), form({ session_id, decision: "authorize" }));
  return { start, startHtml, location: done.headers.get("location") };
}

describe("redirect URIs on the deployment's own origins", () => {
  const hostedFetcher = (): Fetcher => {
    const { hosted } = createHostedTestEmulator({ ownOrigins });
    return (request) => hosted.fetch(request);
  };

  it.each([
    ["the request's own origin", `${ORIGIN}/api/auth/callback/astra`],
    ["another origin of the deployment (a branch URL)", `${BRANCH_ORIGIN}/api/auth/callback/astra`],
  ])("hosted, accepts one on %s without registration, and the token endpoint takes it", async (_, redirectUri) => {
    const fetcher = hostedFetcher();
    const { start, location } = await authorize(fetcher, "/emulator", redirectUri);
    expect(start.status).toBe(200);
    expect(location?.startsWith(`${redirectUri}?`)).toBe(true);
    const code = new URL(location ?? "").searchParams.get("code") ?? "";
    const token = (fields: Record<string, string>) =>
      fetcher(new Request(`${ORIGIN}/emulator/v1/oauth/token`, form(fields, { Authorization: basicAuth() })));
    const exchanged = await token({ grant_type: "authorization_code", code, redirect_uri: redirectUri });
    expect(exchanged.status).toBe(200);
    const { refresh_token } = (await exchanged.json()) as { refresh_token: string };
    const refreshed = await token({ grant_type: "refresh_token", refresh_token, redirect_uri: redirectUri });
    expect(refreshed.status).toBe(200);
  });

  it.each([
    ["another site", "https://elsewhere.example/api/auth/callback/astra"],
    ["another port of the same host", "http://localhost:3999/api/auth/callback/astra"],
    ["a fragment on an own origin", `${BRANCH_ORIGIN}/api/auth/callback/astra#x`],
  ])("hosted, still refuses an unregistered one on %s", async (_, redirectUri) => {
    const { start, startHtml } = await authorize(hostedFetcher(), "/emulator", redirectUri);
    expect(start.status).toBe(400);
    expect(startHtml).toContain("Redirect URI not registered");
  });

  it("hosted, the token endpoint refuses a refresh naming a foreign redirect URI", async () => {
    const fetcher = hostedFetcher();
    const { location } = await authorize(fetcher, "/emulator", DEFAULT_APP.redirectUris[0] ?? "");
    const code = new URL(location ?? "").searchParams.get("code") ?? "";
    const token = (fields: Record<string, string>) =>
      fetcher(new Request(`${ORIGIN}/emulator/v1/oauth/token`, form(fields, { Authorization: basicAuth() })));
    const exchanged = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: DEFAULT_APP.redirectUris[0] ?? "",
    });
    const { refresh_token } = (await exchanged.json()) as { refresh_token: string };
    const refused = await token({
      grant_type: "refresh_token",
      refresh_token,
      redirect_uri: "https://elsewhere.example/api/auth/callback/astra",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("standalone, refuses an unregistered one even on the emulator's own origin", async () => {
    const app = createApp({ store: createStore(":memory:") });
    const { start, startHtml } = await authorize(async (request) => app.fetch(request), "", `${ORIGIN}/callback`);
    expect(start.status).toBe(400);
    expect(startHtml).toContain("Redirect URI not registered");
  });
});

/** A stand-in for the app's in-process webhook receiver that records where each delivery went. */
function recordingDeliver() {
  const delivered: string[] = [];
  const deliver: typeof fetch = async (input) => {
    delivered.push(String(input));
    return new Response(null, { status: 200 });
  };
  return { delivered, deliver };
}

/** Suspends the seed user through the control API, which records a webhook event about them. */
async function suspendDemoUser(hosted: HostedEmulator, store: Promise<Store>) {
  const user = await (await store).users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
  return hosted.fetch(
    new Request(`${ORIGIN}/emulator/sandbox/users/${user?.id ?? ""}/status`, {
      method: "POST",
      // The hosted demo scopes control calls to one visitor (packages/astra-emulator/README.md, "Visitor scope").
      headers: { Authorization: basicAuth(), "Content-Type": "application/json", "Sandbox-User-Id": user?.id ?? "" },
      body: JSON.stringify({ status: "suspended" }),
    }),
  );
}

describe("webhooks from the hosted emulator", () => {
  const WEBHOOK_URL = `${ORIGIN}/api/webhooks/astra`;

  it("go through the injected deliver, never the global fetch", async () => {
    const globalFetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response(null, { status: 500 }));
    const { delivered, deliver } = recordingDeliver();
    const { hosted, store } = createHostedTestEmulator({ deliver, webhookUrl: WEBHOOK_URL });
    expect((await suspendDemoUser(hosted, store)).status).toBe(200);
    await hosted.runDueWork();
    expect(delivered).toEqual([WEBHOOK_URL]);
    expect(globalFetch).not.toHaveBeenCalled();
  });

  it("still go out when the request that made them comes within a second of the last run", async () => {
    const { delivered, deliver } = recordingDeliver();
    // Real time: the lease's one-second spacing must pass for the second run.
    const { hosted, store } = createHostedTestEmulator({ deliver, webhookUrl: WEBHOOK_URL, clock: systemClock });
    await hosted.runDueWork();
    expect((await suspendDemoUser(hosted, store)).status).toBe(200);
    await hosted.runDueWork();
    expect(delivered).toEqual([WEBHOOK_URL]);
  });

  it("may go to the app's own origin even when it is a private address; other private targets are refused", async () => {
    const { hosted, store } = createHostedTestEmulator({ ownOrigins });
    const browser = createBrowser((request) => hosted.fetch(request), "/emulator", []);
    await browser.post("/emulator/dashboard/login", { email: SEED_DEVELOPER.email, password: SEED_DEVELOPER.password });
    const app = await (await store).apps.findByClientId(DEFAULT_APP.clientId);
    if (!app) throw new Error("seeded app missing");
    const own = await browser.post(APP_PATH, settingsFields(app, { webhook_url: WEBHOOK_URL }));
    expect(own.status).toBe(303);
    const privateTarget = await browser.post(APP_PATH, settingsFields(app, { webhook_url: "http://10.1.2.3/hook" }));
    expect(privateTarget.status).toBe(400);
    expect((await (await store).apps.findByClientId(DEFAULT_APP.clientId))?.webhookUrl).toBe(WEBHOOK_URL);
  });
});

describe("the public demo's dashboard", () => {
  const VISITOR = { email: "victim.person@example.com", first_name: "Veronica", last_name: "Victimson" };
  const VISITOR_PHONE = "+12025550199";

  /** A public demo with one visitor who typed their own details in, as the test-user form would send them. */
  async function publicDemo() {
    const sandbox = createHostedTestEmulator({ publicDemo: true });
    const intent = await sandbox.hosted.fetch(
      new Request(`${ORIGIN}/emulator/v1/user_intent`, {
        method: "POST",
        headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
        body: JSON.stringify(intentBody({ ...VISITOR, phone: VISITOR_PHONE })),
      }),
    );
    expect(intent.status).toBe(201);
    const store = await sandbox.store;
    const app = await store.apps.findByClientId(DEFAULT_APP.clientId);
    const user = await store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    if (!app || !user) throw new Error("seed missing");
    const browser = createBrowser((request) => sandbox.hosted.fetch(request), "/emulator", []);
    return { ...sandbox, browser, store, app, user };
  }

  const private_ = (app: DeveloperApp) => [
    app.clientSecret,
    VISITOR.email,
    VISITOR.first_name,
    VISITOR.last_name,
    VISITOR_PHONE,
    SEED_USER_PHONE,
    SEED_DEVELOPER.email,
    SEED_DEVELOPER.password,
  ];

  it("shows anyone, without signing in, the app's public facts and nothing of a visitor or the secret", async () => {
    const { browser, app } = await publicDemo();
    const page = await browser.get("/emulator/dashboard");
    expect(page.status).toBe(200);
    expect(page.html).toContain(app.clientId);
    for (const uri of app.redirectUris) expect(page.html).toContain(uri);
    for (const secret of private_(app)) expect(page.html).not.toContain(secret);
    expect(page.html).not.toContain("<form");
    expect(browser.cookieNames()).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it("has no other page: sign-in, sign-up and the app's pages answer 404 and show nothing private", async () => {
    const { browser, app, user } = await publicDemo();
    for (const path of [
      "/emulator/dashboard/login",
      "/emulator/dashboard/signup",
      APP_PATH,
      `${APP_PATH}?reveal=1`,
      `${APP_PATH}/users`,
      `${APP_PATH}/users/${user.id}/delete`,
      `${APP_PATH}/webhooks`,
      `${APP_PATH}/links`,
    ]) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(404);
      for (const secret of private_(app)) expect(page.html, path).not.toContain(secret);
    }
  });

  it("refuses every write with 403 and the read-only message, and changes nothing", async () => {
    const { hosted, browser, store, app, user } = await publicDemo();
    const writes: [string, Record<string, string>][] = [
      ["/emulator/dashboard/login", { email: SEED_DEVELOPER.email, password: SEED_DEVELOPER.password }],
      ["/emulator/dashboard/signup", signupFields("visitor@example.com")],
      ["/emulator/dashboard", {}],
      [APP_PATH, settingsFields(app, { name: "Renamed", webhook_url: "https://attacker.example/hook" })],
      [`${APP_PATH}/reveal-secret`, {}],
      ["/emulator/dashboard/apps", { name: "Another app", support_email: "", redirect_uris: "https://x.example/cb" }],
      [`${APP_PATH}/delete`, {}],
      [`${APP_PATH}/users/${user.id}/delete`, {}],
      [`${APP_PATH}/webhooks/wh_0000/replay`, {}],
      ["/emulator/dashboard/logout", {}],
    ];
    for (const [path, fields] of writes) {
      const answer = await browser.post(path, fields);
      expect(answer.status, path).toBe(403);
      expect(answer.html, path).toContain("read-only");
      for (const secret of private_(app)) expect(answer.html, path).not.toContain(secret);
    }
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const answer = await hosted.fetch(new Request(`${ORIGIN}${APP_PATH}`, { method }));
      expect(answer.status, method).toBe(403);
    }
    expect(browser.cookieNames()).toEqual([]);
    expect(await store.apps.findByClientId(app.clientId)).toEqual(app);
    expect(await store.apps.listClientIds()).toEqual([app.clientId]);
    expect(await store.users.findById(user.id)).toEqual(user);
    expect(await store.developers.logIn("visitor@example.com", PASSWORD)).toBeNull();
  });

  it("is an ordinary dashboard when hosted without publicDemo", async () => {
    const { hosted } = createHostedTestEmulator();
    const page = await hosted.fetch(new Request(`${ORIGIN}/emulator/dashboard/signup`));
    expect(await page.text()).toContain('action="/emulator/dashboard/signup"');
  });
});

describe("createHostedEmulator", () => {
  const valid = {
    basePath: "/emulator",
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    webhookUrl: null,
    ownOrigins,
    store: createStore(":memory:"),
  };

  it.each(["emulator", "/emulator/", "", "/"])("refuses the base path %j", (basePath) => {
    expect(() => createHostedEmulator({ ...valid, basePath })).toThrow(/basePath/);
  });

  it("answers 404 outside its base path and serves the control API's health under it", async () => {
    const hosted = createHostedEmulator(valid);
    expect((await hosted.fetch(new Request(`${ORIGIN}/dashboard`))).status).toBe(404);
    expect((await hosted.fetch(new Request(`${ORIGIN}/emulatorx/sandbox/health`))).status).toBe(404);
    expect((await hosted.fetch(new Request(`${ORIGIN}/emulator/sandbox/health`))).status).toBe(200);
  });

  it("passes a streamed request body through the stripped request, as a route handler receives it", async () => {
    const { hosted, store } = createHostedTestEmulator({});
    const user = await (await store).users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ days: 1 })));
        controller.close();
      },
    });
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json", "Sandbox-User-Id": user?.id ?? "" },
      body,
      duplex: "half",
    };
    const advanced = await hosted.fetch(new Request(`${ORIGIN}/emulator/sandbox/clock/advance`, init));
    expect(advanced.status).toBe(200);
  });

  it("refuses control actions that would touch every visitor at once", async () => {
    const hosted = createHostedEmulator(valid);
    const advanced = await hosted.fetch(
      new Request(`${ORIGIN}/emulator/sandbox/clock/advance`, {
        method: "POST",
        headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
        body: JSON.stringify({ days: 1 }),
      }),
    );
    expect(advanced.status).toBe(403);
  });

  it("answers on any host name: the app in front decides which reach it", async () => {
    const hosted = createHostedEmulator(valid);
    const response = await hosted.fetch(new Request("https://demo.example/emulator/sandbox/health"));
    expect(response.status).toBe(200);
  });
});
