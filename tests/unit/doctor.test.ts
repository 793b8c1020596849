import { describe, expect, it } from "vitest";
import { EMULATOR_CLIENT_ID } from "@/config/emulator-defaults";
import { parseEnv } from "@/lib/env";
import {
  authorizeUrlOf,
  checkEnv,
  checkNode,
  describeEmulatorKeys,
  describePort,
  describeReach,
  describeRedirectCheck,
  formatFinding,
  networkErrorText,
  portsOf,
  redirectUriOf,
} from "@/scripts/doctor";
import { basicAuth, createTestEmulator, DEFAULT_APP } from "../../packages/astra-emulator/tests/helpers";

const emulatorEnv = parseEnv({
  ASTRA_API_URL: "http://localhost:4209",
  ASTRA_APP_URL: "http://localhost:4209",
  AUTH_URL: "http://localhost:3209",
});
const sandboxEnv = parseEnv({ ASTRA_ENV: "sandbox", ASTRA_CLIENT_ID: "id", ASTRA_CLIENT_SECRET: "secret" });

describe("Node version", () => {
  it.each([
    ["24.0.0", "ok"],
    ["24.22.3", "ok"],
    ["v24.1.0", "ok"],
    ["22.13.0", "fail"],
    ["20.19.1", "fail"],
    ["26.0.0", "fail"],
  ])("%s against 24.x is %s", (version, expected) => {
    expect(checkNode(version, "24.x").state).toBe(expected);
  });

  it("reads any semver range", () => {
    expect(checkNode("22.14.0", "^22.13 || ^24").state).toBe("ok");
    expect(checkNode("22.12.0", "^22.13 || ^24").state).toBe("fail");
  });

  it("does not guess at ranges it cannot read", () => {
    expect(checkNode("24.0.0", "twenty-four").state).toBe("skip");
  });

  it("fails another major with the range and the nvm command", () => {
    const finding = checkNode("20.19.1", "24.x");
    expect(finding).toMatchObject({ state: "fail", fix: expect.stringContaining("nvm install 24") });
  });
});

describe("environment", () => {
  it("passes lib/env.ts's defaults and names the URLs it will use", () => {
    const { env, findings } = checkEnv({});
    expect(env?.astraApiUrl).toBe("http://localhost:4010");
    expect(findings).toEqual([
      expect.objectContaining({ state: "ok", detail: expect.stringContaining("ASTRA_ENV=emulator") }),
    ]);
  });

  it("reports every problem lib/env.ts finds, in its words, each with a fix naming the variable", () => {
    const { env, findings } = checkEnv({ ASTRA_ENV: "sandbox", AUTH_SECRET: "short" });
    expect(env).toBeNull();
    expect(findings.map((finding) => finding.detail)).toEqual([
      expect.stringMatching(/^AUTH_SECRET: must be at least 16 characters; generate one with node -e /),
    ]);
    const second = checkEnv({ ASTRA_ENV: "sandbox" }).findings;
    expect(second.map((finding) => finding.detail)).toEqual([
      expect.stringMatching(/^ASTRA_CLIENT_ID: required when ASTRA_ENV=sandbox/),
      expect.stringMatching(/^ASTRA_CLIENT_SECRET: required/),
    ]);
    expect(second.map((finding) => finding.state === "fail" && finding.fix)).toEqual([
      expect.stringContaining("Correct ASTRA_CLIENT_ID in .env.local"),
      expect.stringContaining("Correct ASTRA_CLIENT_SECRET in .env.local"),
    ]);
  });
});

describe("reaching Astra", () => {
  it("counts any HTTP answer as reachable and shows its status", () => {
    expect(describeReach("Astra API", "http://localhost:4209", { status: 302, body: "" }, emulatorEnv)).toEqual({
      state: "ok",
      label: "Astra API",
      detail: "http://localhost:4209 answered HTTP 302",
    });
  });

  it("tells an emulator user to start the emulator, and a sandbox user to check the URL", () => {
    const down = describeReach("Astra API", "http://localhost:4209", { error: "ECONNREFUSED" }, emulatorEnv);
    expect(down).toMatchObject({
      state: "fail",
      detail: expect.stringContaining("ECONNREFUSED"),
      fix: expect.stringContaining("npm run emulator"),
    });
    const offline = describeReach("Astra module", sandboxEnv.astraAppUrl, { error: "ENOTFOUND" }, sandboxEnv);
    expect(offline).toMatchObject({ state: "fail", fix: expect.stringContaining("ASTRA_APP_URL") });
  });

  it("names the network error from fetch's cause", () => {
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    expect(networkErrorText(refused)).toBe("ECONNREFUSED");
    expect(networkErrorText(new DOMException("The operation timed out.", "TimeoutError"))).toBe("no answer within 3 s");
  });
});

describe("redirect URI in emulator mode", () => {
  const redirectUri = "http://localhost:3209/api/auth/callback/astra";

  it("is AUTH_URL plus the Auth.js callback path, asked of the module's authorize page", () => {
    expect(redirectUriOf(emulatorEnv)).toBe(redirectUri);
    const url = new URL(authorizeUrlOf(emulatorEnv, redirectUri));
    expect(url.origin + url.pathname).toBe("http://localhost:4209/login/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: EMULATOR_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: "code",
    });
  });

  it("passes when the authorize page opens", () => {
    expect(describeRedirectCheck(emulatorEnv, redirectUri, { status: 200, body: "<h1>Sign in</h1>" }).state).toBe("ok");
  });

  it("recognises the emulator's refusal and says where to register the URI", () => {
    const finding = describeRedirectCheck(emulatorEnv, redirectUri, {
      status: 400,
      body: "<h1>Redirect URI not registered</h1>",
    });
    expect(finding).toMatchObject({ state: "fail", fix: expect.stringContaining("EMULATOR_REDIRECT_URIS") });
    expect(finding.state === "fail" && finding.fix).toContain(
      `http://localhost:4209/dashboard/apps/${EMULATOR_CLIENT_ID}`,
    );
  });

  it("tells an unknown client id apart from an unregistered URI", () => {
    const finding = describeRedirectCheck(emulatorEnv, redirectUri, {
      status: 400,
      body: "<h1>Invalid client_id</h1>",
    });
    expect(finding).toMatchObject({ state: "fail", fix: expect.stringContaining("ASTRA_CLIENT_ID") });
  });

  it("skips, rather than fails twice, when the module is down", () => {
    expect(describeRedirectCheck(emulatorEnv, redirectUri, { error: "ECONNREFUSED" }).state).toBe("skip");
    expect(describeEmulatorKeys({ error: "ECONNREFUSED" }).state).toBe("skip");
  });

  it("fails keys the control API refuses", () => {
    expect(describeEmulatorKeys({ status: 200, body: "{}" }).state).toBe("ok");
    expect(describeEmulatorKeys({ status: 401, body: "" })).toMatchObject({
      state: "fail",
      fix: expect.stringContaining("ASTRA_CLIENT_SECRET"),
    });
  });
});

describe("redirect URI against the real emulator (in-process)", () => {
  // Guards the wording the doctor looks for: if the emulator's page changes, this fails, not a user's run.
  const env = parseEnv({});
  const asReach = async (response: Response) => ({ status: response.status, body: await response.text() });

  it("passes the seeded redirect URI and fails another port's, naming the fix", async () => {
    const { app } = createTestEmulator();
    const registered = redirectUriOf(env)!;
    expect(DEFAULT_APP.redirectUris).toContain(registered);
    expect(
      describeRedirectCheck(env, registered, await asReach(await app.request(authorizeUrlOf(env, registered)))).state,
    ).toBe("ok");

    const other = "http://localhost:3001/api/auth/callback/astra";
    const refused = describeRedirectCheck(env, other, await asReach(await app.request(authorizeUrlOf(env, other))));
    expect(refused).toMatchObject({ state: "fail", detail: expect.stringContaining("Redirect URI not registered") });
  });

  it("for a wrong port in AUTH_URL, says to fix AUTH_URL before registering another URI", async () => {
    const { app } = createTestEmulator();
    const wrongPort = parseEnv({ AUTH_URL: "http://localhost:3001" });
    const uri = redirectUriOf(wrongPort)!;
    const refused = describeRedirectCheck(wrongPort, uri, await asReach(await app.request(authorizeUrlOf(env, uri))));
    expect(refused).toMatchObject({
      state: "fail",
      fix: expect.stringMatching(
        /^The emulator expects the app at http:\/\/localhost:3000, but AUTH_URL is http:\/\/localhost:3001: if the app runs there, set AUTH_URL=http:\/\/localhost:3000/,
      ),
    });
  });

  it("with no registered callback to point at, says to register the URI", () => {
    const body =
      "<p>Redirect URI not registered</p><p>Registered redirect URIs: https://x.example/other. To use this one</p>";
    const refused = describeRedirectCheck(env, "http://localhost:3000/api/auth/callback/astra", { status: 400, body });
    expect(refused).toMatchObject({
      fix: expect.stringMatching(/^Add http:\/\/localhost:3000\/api\/auth\/callback\/astra under/),
    });
  });

  it("reads the control API's answer to the app's keys", async () => {
    const { app } = createTestEmulator();
    const clock = (authorization: string) => app.request("/sandbox/clock", { headers: { authorization } });
    expect(describeEmulatorKeys(await asReach(await clock(basicAuth()))).state).toBe("ok");
    expect(describeEmulatorKeys(await asReach(await clock(basicAuth(DEFAULT_APP.clientId, "wrong")))).state).toBe(
      "fail",
    );
  });
});

describe("ports", () => {
  it("takes the app's port from AUTH_URL and the emulator's from the API URL in emulator mode", () => {
    expect(portsOf(emulatorEnv)).toEqual([
      { role: "app", port: 3209 },
      { role: "emulator", port: 4209 },
    ]);
  });

  it("in demo mode checks one port, the app's, since the emulator is inside it", () => {
    expect(portsOf(parseEnv({ ASTRA_ENV: "demo", AUTH_URL: "http://localhost:3209" }))).toEqual([
      { role: "app", port: 3209 },
    ]);
  });

  it("checks no emulator port when talking to Astra, and falls back to Next's 3000 for a remote AUTH_URL", () => {
    const remote = parseEnv({
      ASTRA_ENV: "sandbox",
      ASTRA_CLIENT_ID: "id",
      ASTRA_CLIENT_SECRET: "secret",
      AUTH_URL: "https://demo.example.com",
    });
    expect(portsOf(remote)).toEqual([{ role: "app", port: 3000 }]);
    expect(portsOf(sandboxEnv)).toEqual([{ role: "app", port: 3000 }]);
  });

  it("fails only a port held by another program, with how to find it or move", () => {
    expect(describePort({ role: "app", port: 3000 }, "free").state).toBe("ok");
    expect(describePort({ role: "emulator", port: 4010 }, "this-program").state).toBe("ok");
    const busy = describePort({ role: "emulator", port: 4010 }, "other");
    expect(busy).toMatchObject({ state: "fail", fix: expect.stringContaining("EMULATOR_PORT") });
  });
});

describe("output", () => {
  it("prints a mark per finding and the fix under a failure", () => {
    expect(formatFinding({ state: "ok", label: "Node.js", detail: "20.20.2" })).toBe("✓ Node.js: 20.20.2");
    expect(formatFinding({ state: "fail", label: "port 3000", detail: "in use", fix: "Stop it." })).toBe(
      "✗ port 3000: in use\n    fix: Stop it.",
    );
    expect(formatFinding({ state: "skip", label: "redirect URI", detail: "not checked" })).toBe(
      "– redirect URI: not checked",
    );
  });
});
