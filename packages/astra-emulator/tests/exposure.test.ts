// What the emulator shows to the network: where it listens (EMULATOR_HOST), which Host names it answers
// (DNS rebinding), and the headers that keep its pages out of other sites' frames.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { parseEnv } from "../src/env";
import { createTestStore } from "./support/test-store";
import { authorizeUrl, basicAuth, createTestEmulator } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

/** parseEnv prints the problems and exits; here the exit throws, so a test can see which variable failed. */
function parseEnvFailure(env: Record<string, string>): string {
  const printed: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(process, "exit").mockImplementation(() => {
    throw new Error("exit");
  });
  expect(() => parseEnv(env)).toThrow("exit");
  return printed.join("\n");
}

describe("EMULATOR_HOST", () => {
  it("defaults to 127.0.0.1, so the emulator is not reachable from the network", () => {
    expect(parseEnv({}).EMULATOR_HOST).toBe("127.0.0.1");
  });

  it("opens the emulator only when set explicitly, to an IP address", () => {
    expect(parseEnv({ EMULATOR_HOST: "0.0.0.0" }).EMULATOR_HOST).toBe("0.0.0.0");
    expect(parseEnvFailure({ EMULATOR_HOST: "every interface" })).toMatch(/EMULATOR_HOST="every interface"[\s\S]*Fix:/);
  });

  it("refuses a private webhook URL once the emulator listens beyond loopback", () => {
    const env = { EMULATOR_WEBHOOK_URL: "http://10.0.0.8/hooks" };
    expect(parseEnv(env).EMULATOR_WEBHOOK_URL).toBe("http://10.0.0.8/hooks");
    expect(parseEnvFailure({ ...env, EMULATOR_HOST: "0.0.0.0" })).toMatch(
      /EMULATOR_WEBHOOK_URL=.*\n.*private or loopback/,
    );
    expect(
      parseEnv({ EMULATOR_WEBHOOK_URL: "https://hooks.example.com/astra", EMULATOR_HOST: "0.0.0.0" })
        .EMULATOR_WEBHOOK_URL,
    ).toBe("https://hooks.example.com/astra");
  });

  it("reads EMULATOR_ALLOWED_HOSTS as a list of host names", () => {
    expect(parseEnv({ EMULATOR_ALLOWED_HOSTS: "Sandbox.Example.com, 10.0.0.5:4010" }).EMULATOR_ALLOWED_HOSTS).toEqual([
      "sandbox.example.com",
      "10.0.0.5:4010",
    ]);
    expect(parseEnvFailure({ EMULATOR_ALLOWED_HOSTS: "https://sandbox.example.com/" })).toMatch(
      /EMULATOR_ALLOWED_HOSTS/,
    );
  });
});

describe("the old SANDBOX_* names", () => {
  it("are read when the EMULATOR_* name is unset, and lose to it when both are set", () => {
    expect(parseEnv({ SANDBOX_PORT: "4999", SANDBOX_DB: ":memory:" })).toMatchObject({
      EMULATOR_PORT: 4999,
      EMULATOR_DB: ":memory:",
    });
    expect(parseEnv({ SANDBOX_PORT: "4999", EMULATOR_PORT: "5000" }).EMULATOR_PORT).toBe(5000);
    expect(parseEnvFailure({ SANDBOX_HOST: "every interface" })).toMatch(/EMULATOR_HOST="every interface"/);
  });
});

describe("the Host check (DNS rebinding)", () => {
  it("refuses a page requested under a foreign host name with a 421 page", async () => {
    const { app } = createTestEmulator();
    const response = await app.request("http://rebind.attacker.example:4010/dashboard/login");
    expect(response.status).toBe(421);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toMatch(
      /does not answer to the host name &quot;rebind\.attacker\.example&quot;|does not answer to the host name "rebind\.attacker\.example"/,
    );
  });

  it("refuses the API under a foreign host name in Astra's error envelope, before any auth or write", async () => {
    const { app } = createTestEmulator();
    const response = await app.request("http://rebind.attacker.example/sandbox/reset", {
      method: "POST",
      headers: { Authorization: basicAuth() },
    });
    expect(response.status).toBe(421);
    expect(await response.json()).toMatchObject({
      code: 421,
      description: expect.stringMatching(/EMULATOR_ALLOWED_HOSTS/),
    });
  });

  it("answers localhost, 127.0.0.1 and [::1] on any port, and the configured hosts", async () => {
    const { app } = createTestEmulator();
    for (const origin of ["http://localhost:4010", "http://127.0.0.1:4010", "http://[::1]:4010", "http://localhost"]) {
      expect((await app.request(`${origin}/sandbox/health`)).status).toBe(200);
    }
    const hosted = createApp({ store: createTestStore(), allowedHosts: ["sandbox.example.com"] });
    expect((await hosted.request("https://sandbox.example.com/sandbox/health")).status).toBe(200);
    expect((await hosted.request("https://other.example.com/sandbox/health")).status).toBe(421);
  });
});

describe("security headers", () => {
  it("forbid framing of module pages and the dashboard, and sniffing of every response", async () => {
    const { app } = createTestEmulator();
    for (const path of [authorizeUrl(), "/dashboard/login", "/institutions/connect?client_id=nope"]) {
      const response = await app.request(path);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    for (const path of ["/v1/user", "/sandbox/health", "/favicon.ico", "/no/such/route"]) {
      expect((await app.request(path)).headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});
