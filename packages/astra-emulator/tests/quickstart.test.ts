import { beforeEach, describe, expect, it } from "vitest";
import { describeAnswer, QuickstartError, runQuickstart, type QuickstartOptions } from "../../../scripts/quickstart";
import { authorizeUrl, basicAuth, createTestEmulator, DEFAULT_APP, REDIRECT_URI, type TestEmulator } from "./helpers";

const ORIGIN = "http://localhost:4010";
let sandbox: TestEmulator;
let options: QuickstartOptions;
let lines: string[];

beforeEach(() => {
  sandbox = createTestEmulator();
  lines = [];
  options = {
    apiUrl: ORIGIN,
    appUrl: ORIGIN,
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    redirectUri: REDIRECT_URI,
    fetch: ((input: string | URL | Request, init?: RequestInit) =>
      sandbox.app.request(String(input), init)) as typeof fetch,
    log: (line) => lines.push(line),
  };
});

describe("npm run quickstart", () => {
  it("creates a user intent, walks the module, exchanges the code and reads the user and accounts", async () => {
    const result = await runQuickstart(options);
    expect(result.phone).toBe("2025550160");
    expect(result.user).toMatchObject({
      phone: "+12025550160",
      first_name: "Quinn",
      last_name: "Starter",
      status: "approved",
    });
    expect(Array.isArray(result.accounts)).toBe(true);
    expect(lines.filter((line) => line.startsWith("✔"))).toHaveLength(7);

    const intent = await sandbox.app.request(`/v1/user_intent/${result.userIntentId}`, {
      headers: { Authorization: basicAuth() },
    });
    expect(await intent.json()).toMatchObject({ user_id: result.user.id, status: "converted_to_user" });
    const me = await sandbox.app.request("/v1/user", { headers: { Authorization: `Bearer ${result.accessToken}` } });
    expect(me.status).toBe(200);
  });

  it("takes the next free test phone on a second run", async () => {
    await runQuickstart(options);
    const second = await runQuickstart(options);
    expect(second.phone).toBe("2025550161");
  });

  it("explains how to start the emulator when nothing answers", async () => {
    const refused = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    await expect(runQuickstart({ ...options, fetch: refused })).rejects.toThrow(/npm run emulator/);
  });

  it("names the credentials when the emulator rejects them", async () => {
    const failure = runQuickstart({ ...options, clientSecret: "wrong" });
    await expect(failure).rejects.toBeInstanceOf(QuickstartError);
    await expect(failure).rejects.toThrow(/ASTRA_CLIENT_SECRET/);
  });

  it("uses the app's registered callback when ASTRA_REDIRECT_URI is unset, e.g. an app on another port", async () => {
    const callback = "http://localhost:3203/api/auth/callback/astra";
    const app = await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    if (!app) throw new Error("The seeded app is missing.");
    await sandbox.store.apps.updateSettings(app.clientId, {
      ...app,
      redirectUris: ["http://localhost:3203/accounts/linked", callback],
    });
    const result = await runQuickstart({ ...options, redirectUri: undefined });
    expect(result.user.status).toBe("approved");

    const wrong = runQuickstart({ ...options, redirectUri: REDIRECT_URI });
    await expect(wrong).rejects.toThrow(/ASTRA_REDIRECT_URI=http:\/\/localhost:3000\S* is not registered/);
  });

  it("works when the app has test phone numbers turned off, with the code the module shows", async () => {
    const app = await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
    if (!app) throw new Error("The seeded app is missing.");
    await sandbox.store.apps.updateSettings(app.clientId, { ...app, testPhonesEnabled: false });
    const result = await runQuickstart(options);
    expect(result.user.status).toBe("approved");
    expect(lines.some((line) => /code \d{6}, authorized/.test(line) && !line.includes("123456"))).toBe(true);
  });

  it("prints the emulator's message, names what to set, and deletes the user intent it made when a step fails", async () => {
    const fault = await sandbox.app.request("/sandbox/faults", {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: JSON.stringify({ method: "POST", path: "/v1/oauth/token", status: 503, count: 1 }),
    });
    expect(fault.status).toBe(201);
    const error = await runQuickstart(options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QuickstartError);
    const message = (error as Error).message;
    expect(message).toMatch(/POST \/v1\/oauth\/token answered HTTP 503: \S/);
    expect(message).not.toContain("{");
    expect(message).toContain("Fix: check ASTRA_REDIRECT_URI");

    const intentId = /Created user intent (\S+)/.exec(lines.join("\n"))?.[1] ?? "";
    expect(lines).toContain(`✘ Deleted user intent ${intentId} again`);
    const intent = await sandbox.app.request(`/v1/user_intent/${intentId}`, {
      headers: { Authorization: basicAuth() },
    });
    expect(intent.status).toBe(404);
    expect(await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, "2025550160")).toBeNull();
  });

  it("reads an error page as its title and text, not as HTML", async () => {
    const page = await (
      await sandbox.app.request(authorizeUrl({ redirect_uri: "https://elsewhere.example/cb" }))
    ).text();
    const said = describeAnswer(page);
    expect(said).toMatch(
      /^Redirect URI not registered — redirect_uri "https:\/\/elsewhere.example\/cb" is not registered/,
    );
    expect(said).not.toMatch(/[<>]/);
  });
});
