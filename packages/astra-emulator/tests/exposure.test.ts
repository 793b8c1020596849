// What the emulator shows to the network: where it listens (SANDBOX_HOST), which Host names it answers
// (DNS rebinding), and the headers that keep its pages out of other sites' frames.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { parseEnv } from "../src/env";
import { createTestStore } from "./support/test-store";
import { authorizeUrl, basicAuth, createSandbox } from "./helpers";

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

describe("SANDBOX_HOST", () => {
  it("defaults to 127.0.0.1, so the emulator is not reachable from the network", () => {
    expect(parseEnv({}).SANDBOX_HOST).toBe("127.0.0.1");
  });

  it("opens the emulator only when set explicitly, to an IP address", () => {
    expect(parseEnv({ SANDBOX_HOST: "0.0.0.0" }).SANDBOX_HOST).toBe("0.0.0.0");
    expect(parseEnvFailure({ SANDBOX_HOST: "every interface" })).toMatch(/SANDBOX_HOST="every interface"[\s\S]*Fix:/);
  });

  it("refuses a private webhook URL once the emulator listens beyond loopback", () => {
    const env = { SANDBOX_WEBHOOK_URL: "http://10.0.0.8/hooks" };
    expect(parseEnv(env).SANDBOX_WEBHOOK_URL).toBe("http://10.0.0.8/hooks");
    expect(parseEnvFailure({ ...env, SANDBOX_HOST: "0.0.0.0" })).toMatch(
      /SANDBOX_WEBHOOK_URL=.*\n.*private or loopback/,
    );
    expect(
      parseEnv({ SANDBOX_WEBHOOK_URL: "https://hooks.example.com/astra", SANDBOX_HOST: "0.0.0.0" }).SANDBOX_WEBHOOK_URL,
    ).toBe("https://hooks.example.com/astra");
  });

  it("reads SANDBOX_ALLOWED_HOSTS as a list of host names", () => {
    expect(parseEnv({ SANDBOX_ALLOWED_HOSTS: "Sandbox.Example.com, 10.0.0.5:4010" }).SANDBOX_ALLOWED_HOSTS).toEqual([
      "sandbox.example.com",
      "10.0.0.5:4010",
    ]);
    expect(parseEnvFailure({ SANDBOX_ALLOWED_HOSTS: "https://sandbox.example.com/" })).toMatch(/SANDBOX_ALLOWED_HOSTS/);
  });
});

describe("the Host check (DNS rebinding)", () => {
  it("refuses a page requested under a foreign host name with a 421 page", async () => {
    const { app } = createSandbox();
    const response = await app.request("http://rebind.attacker.example:4010/dashboard/login");
    expect(response.status).toBe(421);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toMatch(
      /does not answer to the host name &quot;rebind\.attacker\.example&quot;|does not answer to the host name "rebind\.attacker\.example"/,
    );
  });

  it("refuses the API under a foreign host name in Astra's error envelope, before any auth or write", async () => {
    const { app } = createSandbox();
    const response = await app.request("http://rebind.attacker.example/sandbox/reset", {
      method: "POST",
      headers: { Authorization: basicAuth() },
    });
    expect(response.status).toBe(421);
    expect(await response.json()).toMatchObject({
      code: 421,
      description: expect.stringMatching(/SANDBOX_ALLOWED_HOSTS/),
    });
  });

  it("answers localhost, 127.0.0.1 and [::1] on any port, and the configured hosts", async () => {
    const { app } = createSandbox();
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
    const { app } = createSandbox();
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
