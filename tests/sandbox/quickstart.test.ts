import { beforeEach, describe, expect, it } from "vitest";
import { QuickstartError, runQuickstart, type QuickstartOptions } from "../../scripts/quickstart";
import { basicAuth, createSandbox, DEFAULT_APP, REDIRECT_URI, type Sandbox } from "./helpers";

const ORIGIN = "http://localhost:4010";
let sandbox: Sandbox;
let options: QuickstartOptions;
let lines: string[];

beforeEach(() => {
  sandbox = createSandbox();
  lines = [];
  options = {
    apiUrl: ORIGIN,
    appUrl: ORIGIN,
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    redirectUri: REDIRECT_URI,
    fetch: ((input: string | URL | Request, init?: RequestInit) => sandbox.app.request(String(input), init)) as typeof fetch,
    log: (line) => lines.push(line),
  };
});

describe("npm run quickstart", () => {
  it("creates a user intent, walks the module, exchanges the code and reads the user and accounts", async () => {
    const result = await runQuickstart(options);
    expect(result.phone).toBe("2025550160");
    expect(result.user).toMatchObject({ phone: "+12025550160", first_name: "Quinn", last_name: "Starter", status: "approved" });
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
    await expect(runQuickstart({ ...options, fetch: refused })).rejects.toThrow(/npm run sandbox/);
  });

  it("names the credentials when the emulator rejects them", async () => {
    const failure = runQuickstart({ ...options, clientSecret: "wrong" });
    await expect(failure).rejects.toBeInstanceOf(QuickstartError);
    await expect(failure).rejects.toThrow(/ASTRA_CLIENT_SECRET/);
  });
});
