import { afterEach, describe, expect, it, vi } from "vitest";
import { authorizeCron } from "@/lib/cron-auth";

// The daily cron route (app/api/cron/emulator): only Vercel's cron, holding CRON_SECRET, may run it.
describe("authorizeCron", () => {
  const withSecret = { cronSecret: "s".repeat(32), onVercel: true, nodeEnv: "production" } as const;

  it("accepts exactly Bearer <CRON_SECRET>", () => {
    expect(authorizeCron(`Bearer ${"s".repeat(32)}`, withSecret)).toEqual({ ok: true });
    for (const header of [null, "", "Bearer", `Bearer ${"s".repeat(31)}`, `Basic ${"s".repeat(32)}`, "s".repeat(32)]) {
      expect(authorizeCron(header, withSecret)).toMatchObject({ ok: false, status: 401 });
    }
  });

  it("refuses every request in production (on Vercel or off) while CRON_SECRET is unset, and says how to fix it", () => {
    for (const where of [
      { onVercel: true, nodeEnv: "production" },
      { onVercel: false, nodeEnv: "production" },
    ] as const) {
      const refused = authorizeCron("Bearer anything", { cronSecret: undefined, ...where });
      expect(refused).toMatchObject({ ok: false, status: 403 });
      expect(refused.ok ? "" : refused.message).toContain("CRON_SECRET");
    }
  });

  it("runs without a secret on your own machine (not a production build)", () => {
    expect(authorizeCron(null, { cronSecret: undefined, onVercel: false, nodeEnv: "development" })).toEqual({
      ok: true,
    });
  });
});

describe("GET /api/cron/emulator", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  async function loadRoute(vars: Record<string, string>) {
    vi.stubEnv("ASTRA_ENV", "emulator");
    vi.stubEnv("ASTRA_API_URL", "http://localhost:4999");
    for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
    vi.resetModules(); // lib/env.ts caches the parsed environment
    return (await import("@/app/api/cron/emulator/route")).GET;
  }

  const call = (GET: (request: Request) => Promise<Response>, authorization?: string) =>
    GET(new Request("http://localhost:3000/api/cron/emulator", { headers: authorization ? { authorization } : {} }));

  it("asks the emulator for its maintenance with the app's keys when the secret matches", async () => {
    const fetchMock = vi.fn(async () => Response.json({ due_work_ran: true, visitors_deleted: 2 }));
    vi.stubGlobal("fetch", fetchMock);
    const GET = await loadRoute({ CRON_SECRET: "c".repeat(32) });
    const response = await call(GET, `Bearer ${"c".repeat(32)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, due_work_ran: true, visitors_deleted: 2 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe("http://localhost:4999/sandbox/maintenance");
    expect(init.method).toBe("POST");
  });

  it("answers 401 to a wrong secret without calling the emulator", async () => {
    const fetchMock = vi.fn(async () => Response.json({}));
    vi.stubGlobal("fetch", fetchMock);
    const GET = await loadRoute({ CRON_SECRET: "c".repeat(32) });
    expect((await call(GET, "Bearer wrong")).status).toBe(401);
    expect((await call(GET)).status).toBe(401);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("answers 403 in production when CRON_SECRET is unset, on Vercel or off, without calling the emulator", async () => {
    const fetchMock = vi.fn(async () => Response.json({}));
    vi.stubGlobal("fetch", fetchMock);
    const production = { NODE_ENV: "production", AUTH_SECRET: "a-real-secret-of-enough-length", CRON_SECRET: "" };
    for (const vars of [
      { ...production, VERCEL: "1" },
      { ...production, AUTH_URL: "https://app.example" },
    ]) {
      const GET = await loadRoute(vars);
      const response = await call(GET, "Bearer whatever");
      expect(response.status).toBe(403);
      expect((await response.json()).error.message).toMatch(/CRON_SECRET is not set/);
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
