import { describe, expect, it } from "vitest";
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { EnvError, parseEnv } from "@/lib/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("defaults to the local emulator with its seeded keys in development", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      astraEnv: "emulator",
      astraApiUrl: "http://localhost:4010",
      astraAppUrl: "http://localhost:4010",
      astraClientId: EMULATOR_CLIENT_ID,
      authUrl: "http://localhost:3000",
      trustHost: true,
      useSecureCookies: false,
    });
  });

  it("picks Astra's sandbox URLs and requires real keys for ASTRA_ENV=sandbox", () => {
    expect(problemsOf({ ASTRA_ENV: "sandbox" })).toEqual([
      expect.stringMatching(/^ASTRA_CLIENT_ID: required when ASTRA_ENV=sandbox/),
      expect.stringMatching(/^ASTRA_CLIENT_SECRET: required/),
    ]);
    const env = parseEnv({ ASTRA_ENV: "sandbox", ASTRA_CLIENT_ID: "id", ASTRA_CLIENT_SECRET: "secret" });
    expect(env.astraApiUrl).toBe("https://api-sandbox.astra.finance");
    expect(env.astraAppUrl).toBe("https://app.astra.finance");
  });

  it("lets explicit URLs override the defaults and trims a trailing slash", () => {
    const env = parseEnv({ ASTRA_API_URL: "http://localhost:4100/", ASTRA_APP_URL: "" });
    expect(env.astraApiUrl).toBe("http://localhost:4100");
    expect(env.astraAppUrl).toBe("http://localhost:4010");
  });

  it("names the variable and the problem for a malformed value", () => {
    expect(problemsOf({ ASTRA_ENV: "staging" })).toEqual([
      'ASTRA_ENV: must be "emulator", "demo", "sandbox" or "production"',
    ]);
    expect(problemsOf({ ASTRA_API_URL: "localhost:4010" })[0]).toMatch(/^ASTRA_API_URL: must be an http\(s\) URL/);
  });

  it("refuses development defaults in production", () => {
    expect(problemsOf({ NODE_ENV: "production", AUTH_URL: "https://demo.example.com" })).toEqual([
      expect.stringMatching(/^AUTH_SECRET: required in production/),
    ]);
    expect(
      problemsOf({
        NODE_ENV: "production",
        AUTH_URL: "https://demo.example.com",
        AUTH_SECRET: "development-only-auth-secret-never-use-in-production",
      }),
    ).toEqual([expect.stringMatching(/^AUTH_SECRET: the development default is refused/)]);
    expect(
      problemsOf({ ASTRA_ENV: "production", ASTRA_CLIENT_ID: "id", ASTRA_CLIENT_SECRET: EMULATOR_CLIENT_SECRET }),
    ).toEqual([expect.stringMatching(/emulator's demo secret/)]);
  });

  it("refuses 127.0.0.1 as the app origin", () => {
    expect(problemsOf({ AUTH_URL: "http://127.0.0.1:3000" })[0]).toMatch(/use http:\/\/localhost:PORT/);
  });

  it("uses secure cookies behind https and on Vercel", () => {
    expect(parseEnv({ AUTH_URL: "https://demo.example.com" }).useSecureCookies).toBe(true);
    const vercel = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "a-real-secret-of-enough-length",
      VERCEL_URL: "demo.vercel.app",
    });
    expect(vercel).toMatchObject({ authUrl: "https://demo.vercel.app", useSecureCookies: true, trustHost: true });
  });

  it("needs the public origin in production, or an explicit AUTH_TRUST_HOST", () => {
    expect(problemsOf({ NODE_ENV: "production", AUTH_SECRET: "a-real-secret-of-enough-length" })).toEqual([
      expect.stringMatching(/^AUTH_URL: required in production/),
    ]);
    expect(
      parseEnv({ NODE_ENV: "production", AUTH_SECRET: "a-real-secret-of-enough-length", AUTH_TRUST_HOST: "true" })
        .trustHost,
    ).toBe(true);
  });
});
