import { execSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { deriveEmulatorClientSecret, EnvError, parseEnv, usesEmulator } from "@/lib/env";
import { onVercel, SECRET } from "./support/vercel-env";

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

  it("names a command that makes an AUTH_SECRET offline, and the secret it prints is accepted", () => {
    const [problem] = problemsOf({ NODE_ENV: "production", AUTH_URL: "https://demo.example.com" });
    const command = problem!.replace(/^.*generate one with /, "");
    expect(command).not.toMatch(/npx|npm/);
    const secret = execSync(command, { encoding: "utf8" }).trim();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(
      parseEnv({ NODE_ENV: "production", AUTH_URL: "https://demo.example.com", AUTH_SECRET: secret }).authUrl,
    ).toBe("https://demo.example.com");
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
      ASTRA_ENV: "sandbox",
      ASTRA_CLIENT_ID: "client",
      ASTRA_CLIENT_SECRET: "a-real-client-secret",
      VERCEL: "1",
      VERCEL_URL: "demo-abc123.vercel.app",
    });
    expect(vercel).toMatchObject({ useSecureCookies: true, trustHost: true });
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

  it("keeps the shared state in memory without a database URL, and takes DATABASE_URL over POSTGRES_URL", () => {
    expect(parseEnv({}).databaseUrl).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
    expect(parseEnv({ POSTGRES_URL: "postgres://u:p@db.example.com/app" }).databaseUrl).toBe(
      "postgres://u:p@db.example.com/app",
    );
    expect(
      parseEnv({
        DATABASE_URL: "postgresql://u:p@pooled.example.com/app?sslmode=require",
        POSTGRES_URL: "postgres://x/y",
      }).databaseUrl,
    ).toBe("postgresql://u:p@pooled.example.com/app?sslmode=require");
    expect(problemsOf({ DATABASE_URL: "mysql://u:p@db.example.com/app" })).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ connection string/),
    ]);
  });
});

describe("ASTRA_ENV on Vercel", () => {
  // The Deploy button asks only for AUTH_SECRET and adds a database: with no Astra variable, it is the demo.
  it("defaults to the demo (the emulator inside the app) on Vercel, and to the local emulator elsewhere", () => {
    expect(parseEnv(onVercel({})).astraEnv).toBe("demo");
    expect(parseEnv({}).astraEnv).toBe("emulator");
  });

  it("keeps an explicit ASTRA_ENV", () => {
    const env = parseEnv(
      onVercel({ ASTRA_ENV: "sandbox", ASTRA_CLIENT_ID: "client", ASTRA_CLIENT_SECRET: "a-real-client-secret" }),
    );
    expect(env.astraEnv).toBe("sandbox");
  });
});

describe("AUTH_URL on Vercel", () => {
  // VERCEL_URL is the generated deployment URL, behind Deployment Protection: public visitors would meet
  // Vercel's login wall on the way back from sign-in.
  it("is the production domain in production, never the deployment URL", () => {
    expect(parseEnv(onVercel({ VERCEL_ENV: "production" })).authUrl).toBe("https://astra-demo.vercel.app");
  });

  it("is the branch URL on a preview", () => {
    expect(parseEnv(onVercel({ VERCEL_ENV: "preview" })).authUrl).toBe(
      "https://astra-demo-git-feature-team.vercel.app",
    );
  });

  it("is the request's host otherwise, which Auth.js trusts on Vercel", () => {
    const env = parseEnv(onVercel({ VERCEL_ENV: "preview", VERCEL_BRANCH_URL: "" }));
    expect(env).toMatchObject({ authUrl: undefined, trustHost: true });
  });

  it("an explicit AUTH_URL still wins", () => {
    expect(parseEnv(onVercel({ VERCEL_ENV: "production", AUTH_URL: "https://pay.example.com" })).authUrl).toBe(
      "https://pay.example.com",
    );
  });

  it("lists the deployment's origins for the embedded emulator's redirect rule", () => {
    expect(parseEnv(onVercel({ VERCEL_ENV: "preview" })).deploymentOrigins).toEqual([
      "https://astra-demo.vercel.app",
      "https://astra-demo-git-feature-team.vercel.app",
      "https://astra-demo-abc123-team.vercel.app",
    ]);
    expect(parseEnv({}).deploymentOrigins).toEqual([]);
  });
});

describe("ASTRA_ENV=demo", () => {
  const demoInProduction = {
    ASTRA_ENV: "demo",
    NODE_ENV: "production",
    AUTH_SECRET: SECRET,
    CLIENT_IP_HEADER: "x-real-ip",
  };

  it("points Astra at this app's own origin + /emulator", () => {
    const env = parseEnv({ ASTRA_ENV: "demo", AUTH_URL: "http://localhost:3105" });
    expect(env).toMatchObject({
      astraEnv: "demo",
      astraApiUrl: "http://localhost:3105/emulator",
      astraAppUrl: "http://localhost:3105/emulator",
      astraClientId: EMULATOR_CLIENT_ID,
    });
  });

  it("derives the client secret from AUTH_SECRET, never the public default, and needs no Astra variable", () => {
    const env = parseEnv({ ...demoInProduction, AUTH_URL: "https://d.app" });
    expect(env.astraClientSecret).toBe(deriveEmulatorClientSecret(SECRET));
    expect(env.astraClientSecret).toBe(
      createHmac("sha256", SECRET).update("astra-emulator-client-secret").digest("base64url"),
    );
    expect(env.astraClientSecret).not.toBe(EMULATOR_CLIENT_SECRET);
    expect(deriveEmulatorClientSecret("another-secret-of-enough-length")).not.toBe(env.astraClientSecret);
  });

  it("ignores ASTRA_* keys and URLs (a .env.local copied from .env.example holds the public ones)", () => {
    const env = parseEnv({
      ASTRA_ENV: "demo",
      ASTRA_API_URL: "http://localhost:4010",
      ASTRA_APP_URL: "http://localhost:4010",
      ASTRA_CLIENT_ID: "someone_else",
      ASTRA_CLIENT_SECRET: EMULATOR_CLIENT_SECRET,
    });
    expect(env).toMatchObject({
      astraApiUrl: "http://localhost:3000/emulator",
      astraClientId: EMULATOR_CLIENT_ID,
    });
    expect(env.astraClientSecret).not.toBe(EMULATOR_CLIENT_SECRET);
  });

  it("leaves the bare /emulator path when only the request knows the origin", () => {
    const env = parseEnv({ ...demoInProduction, AUTH_TRUST_HOST: "true" });
    expect(env).toMatchObject({ authUrl: undefined, astraApiUrl: "/emulator", astraAppUrl: "/emulator" });
  });

  it("counts as the emulator for the emulator-only features", () => {
    expect(usesEmulator(parseEnv({ ASTRA_ENV: "demo" }))).toBe(true);
    expect(usesEmulator(parseEnv({}))).toBe(true);
    expect(usesEmulator(parseEnv({ ASTRA_ENV: "sandbox", ASTRA_CLIENT_ID: "i", ASTRA_CLIENT_SECRET: "s" }))).toBe(
      false,
    );
  });
});
