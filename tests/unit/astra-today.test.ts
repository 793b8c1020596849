import { afterEach, describe, expect, it, vi } from "vitest";
import { emulatorToday } from "@/lib/dev-tools/clock";
import type { Env } from "@/lib/env";

const env = vi.hoisted(() => ({ current: { astraEnv: "emulator" } as Partial<Env> }));
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => ({
    astraApiUrl: "http://localhost:4999",
    astraClientId: "client",
    astraClientSecret: "secret",
    ...env.current,
  }),
}));
vi.mock("@/lib/auth/next-auth", () => ({ auth: vi.fn(async () => ({ user: { id: "usr_1" } })) }));

const realNow = () => new Date("2026-12-01T20:00:00Z"); // Dec 1 in Los Angeles
const HOOKS = Symbol.for("astra-nextjs-starter.astra-hooks");
const PLUGINS = Symbol.for("astra-nextjs-starter.plugins-registered");

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.resetModules();
  env.current = { astraEnv: "emulator" };
  delete (globalThis as Record<symbol, unknown>)[HOOKS];
  delete (globalThis as Record<symbol, unknown>)[PLUGINS];
});

describe("the emulator's today (developer tools)", () => {
  it("is the emulator's clock, read with the app's Basic credentials", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ now: "2026-12-06T20:00:00.000Z", offset_ms: 432_000_000, today: "2026-12-06" }),
    );
    vi.stubGlobal("fetch", fetchMock);
    expect(await emulatorToday(realNow)).toBe("2026-12-06");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe("http://localhost:4999/sandbox/clock");
    expect((init.headers as Record<string, string>).authorization).toBe(
      `Basic ${Buffer.from("client:secret").toString("base64")}`,
    );
  });

  it("falls back to the real Pacific date when the emulator's clock cannot be read", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("nope", { status: 500 })),
    );
    expect(await emulatorToday(realNow)).toBe("2026-12-01");
  });
});

describe("the app's today, as the boot place (lib/plugins.ts) sets it", () => {
  const clock = () =>
    vi.fn(async () => Response.json({ now: "2026-12-06T20:00:00.000Z", offset_ms: 0, today: "2026-12-06" }));

  it("in emulator mode is the emulator's clock", async () => {
    vi.stubGlobal("fetch", clock());
    await (await import("@/lib/plugins")).registerPlugins();
    const { readTodayProvider } = await import("@/lib/astra/hooks");
    expect(await readTodayProvider()).toBe("2026-12-06");
  });

  it.each(["sandbox", "production"] as const)(
    "with ASTRA_ENV=%s is the real Pacific date and asks nobody",
    async (astraEnv) => {
      env.current = { astraEnv };
      vi.useFakeTimers({ now: realNow(), toFake: ["Date"] });
      const fetchMock = clock();
      vi.stubGlobal("fetch", fetchMock);
      await (await import("@/lib/plugins")).registerPlugins();
      const { readTodayProvider } = await import("@/lib/astra/hooks");
      expect(await readTodayProvider()).toBe("2026-12-01");
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );
});
