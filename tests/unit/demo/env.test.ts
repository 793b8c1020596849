import { describe, expect, it } from "vitest";
import { parseDemoEnv } from "@/lib/demo/env";
import { EnvError, parseEnv } from "@/lib/env";
import { onVercel, SECRET } from "../support/vercel-env";

/** Demo mode's own settings (lib/demo/env.ts), read after the app's. */
const demoOf = (source: Record<string, string>) => parseDemoEnv(source, parseEnv(source));

function demoProblemsOf(source: Record<string, string>): string[] {
  try {
    demoOf(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseDemoEnv to throw");
}

describe("demo mode's settings (lib/demo/env.ts)", () => {
  const demoInProduction = {
    ASTRA_ENV: "demo",
    NODE_ENV: "production",
    AUTH_SECRET: SECRET,
    CLIENT_IP_HEADER: "x-real-ip",
  };

  it("stores in a local SQLite file, or in Postgres given DATABASE_URL or POSTGRES_URL", () => {
    expect(demoOf({ ASTRA_ENV: "demo" }).store).toEqual({ kind: "sqlite", file: ".data/emulator.db" });
    expect(demoOf({ ASTRA_ENV: "demo", DEMO_SQLITE_FILE: "/tmp/d.db" }).store).toEqual({
      kind: "sqlite",
      file: "/tmp/d.db",
    });
    expect(demoOf({ ASTRA_ENV: "demo", POSTGRES_URL: "postgres://p" }).store).toEqual({
      kind: "postgres",
      url: "postgres://p",
    });
  });

  it("on Vercel needs a database (read-only disk) and is a public demo", () => {
    expect(demoProblemsOf(onVercel({ ASTRA_ENV: "demo", VERCEL_ENV: "production", DATABASE_URL: "" }))).toEqual([
      expect.stringMatching(/^DATABASE_URL: required for ASTRA_ENV=demo on Vercel/),
    ]);
    const source = onVercel({ ASTRA_ENV: "demo", VERCEL_ENV: "production", DATABASE_URL: "postgres://p" });
    expect(parseEnv(source)).toMatchObject({ astraApiUrl: "https://astra-demo.vercel.app/emulator" });
    expect(demoOf(source).publicDemo).toBe(true);
  });

  it("is a public demo in any production build, on Vercel or not, unless DEMO_PUBLIC=false", () => {
    const selfHosted = {
      ASTRA_ENV: "demo",
      NODE_ENV: "production",
      AUTH_SECRET: SECRET,
      AUTH_TRUST_HOST: "true",
      CLIENT_IP_HEADER: "x-real-ip",
    };
    expect(demoOf(selfHosted).publicDemo).toBe(true);
    expect(demoOf({ ...selfHosted, DEMO_PUBLIC: "true" }).publicDemo).toBe(true);
    expect(demoOf({ ...selfHosted, DEMO_PUBLIC: "false" }).publicDemo).toBe(false);
    expect(demoOf(onVercel({ DEMO_PUBLIC: "false", DATABASE_URL: "postgres://p" })).publicDemo).toBe(false);
    // `ASTRA_ENV=demo npm run dev` on a laptop keeps the sandbox's phone and code sign-in.
    expect(demoOf({ ASTRA_ENV: "demo" }).publicDemo).toBe(false);
    expect(demoOf({ ASTRA_ENV: "demo", NODE_ENV: "test" }).publicDemo).toBe(false);
  });

  it("refuses a DEMO_PUBLIC that is not true or false", () => {
    expect(demoProblemsOf({ ASTRA_ENV: "demo", DEMO_PUBLIC: "no" })).toEqual([
      'DEMO_PUBLIC: must be "true" or "false"',
    ]);
  });

  it("in production off Vercel needs CLIENT_IP_HEADER, else every visitor shares one address's limits", () => {
    expect(demoProblemsOf({ ...demoInProduction, CLIENT_IP_HEADER: "", AUTH_URL: "https://d.app" })).toEqual([
      expect.stringMatching(/^CLIENT_IP_HEADER: required for the demo in production off Vercel/),
    ]);
    expect(parseEnv({ ...demoInProduction, AUTH_URL: "https://d.app" }).clientIpHeader).toBe("x-real-ip");
    expect(parseEnv(onVercel({ VERCEL_ENV: "production" })).clientIpHeader).toBe("x-vercel-forwarded-for");
    expect(parseEnv({ ASTRA_ENV: "demo" }).clientIpHeader).toBeUndefined();
  });
});
