import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Env } from "@/lib/env";

// Demo mode: the app's Astra calls are answered by the emulator registered in this process, never over HTTP
// (a call to the deployment's own URL could meet Vercel's Deployment Protection).
const env = vi.hoisted(() => ({ current: {} as Partial<Env> }));
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => env.current,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "demo.example", "x-forwarded-proto": "https" }),
}));

const REGISTRY = Symbol.for("astra-nextjs-starter.embedded-emulator");
const HOOKS = Symbol.for("astra-nextjs-starter.astra-hooks");

/** The core's transport, with demo mode's registry beside it (as lib/plugins.ts would have it). */
async function load() {
  vi.resetModules();
  const { astraTransport } = await import("@/lib/astra/hooks");
  const { registerEmbeddedEmulator } = await import("@/lib/demo/transport");
  return { astraTransport, registerEmbeddedEmulator };
}

function fakeEmulator() {
  const seen: Request[] = [];
  const runDueWork = vi.fn(async () => undefined);
  return {
    seen,
    runDueWork,
    emulator: {
      async fetch(request: Request) {
        seen.push(request);
        return Response.json({ ok: true, body: request.method === "POST" ? await request.text() : null });
      },
      runDueWork,
    },
  };
}

let networkFetch: ReturnType<typeof vi.fn>;
beforeEach(() => {
  networkFetch = vi.fn(async () => Response.json({ network: true }));
  vi.stubGlobal("fetch", networkFetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<symbol, unknown>)[REGISTRY];
  delete (globalThis as Record<symbol, unknown>)[HOOKS];
});

describe("astraTransport with demo mode's transport", () => {
  it("is plain fetch until demo mode registers its emulator", async () => {
    env.current = { astraEnv: "emulator" };
    const { astraTransport } = await load();
    await astraTransport("http://localhost:4010/v1/user", { method: "GET" });
    expect(networkFetch).toHaveBeenCalledTimes(1);
  });

  it("in demo mode answers from the registered emulator, with no network call, and then runs due work", async () => {
    env.current = { astraEnv: "demo" };
    const { astraTransport, registerEmbeddedEmulator } = await load();
    const fake = fakeEmulator();
    registerEmbeddedEmulator(fake.emulator);

    const response = await astraTransport("https://x.app/emulator/v1/oauth/token", {
      method: "POST",
      headers: { authorization: "Basic abc" },
      body: new URLSearchParams({ grant_type: "refresh_token" }),
    });

    expect(networkFetch).not.toHaveBeenCalled();
    expect(await response.json()).toEqual({ ok: true, body: "grant_type=refresh_token" });
    expect(fake.seen[0]?.url).toBe("https://x.app/emulator/v1/oauth/token");
    expect(fake.seen[0]?.headers.get("authorization")).toBe("Basic abc");
    await vi.waitFor(() => expect(fake.runDueWork).toHaveBeenCalledTimes(1));
  });

  it("shares the registry across module copies (proxy.ts and the routes are separate bundles)", async () => {
    env.current = { astraEnv: "demo" };
    const fake = fakeEmulator();
    (await load()).registerEmbeddedEmulator(fake.emulator);
    const other = await load();
    await other.astraTransport("https://x.app/emulator/v1/user");
    expect(fake.seen).toHaveLength(1);
    expect(networkFetch).not.toHaveBeenCalled();
  });

  it("resolves a bare /emulator URL against the request's origin", async () => {
    env.current = { astraEnv: "demo" };
    const { astraTransport, registerEmbeddedEmulator } = await load();
    const fake = fakeEmulator();
    registerEmbeddedEmulator(fake.emulator);
    await astraTransport(new URL("https://x.app/emulator/v1/accounts"));
    await astraTransport("/emulator/v1/accounts");
    expect(fake.seen.map((request) => request.url)).toEqual([
      "https://x.app/emulator/v1/accounts",
      "https://demo.example/emulator/v1/accounts",
    ]);
  });

  it("fails like an unreachable server when no emulator is registered, and lets other URLs through", async () => {
    env.current = { astraEnv: "demo" };
    const { demoTransport: astraTransport } = await import("@/lib/demo/transport");
    delete (globalThis as Record<symbol, unknown>)[REGISTRY];
    await expect(astraTransport("https://x.app/emulator/v1/user")).rejects.toThrow(TypeError);
    expect(networkFetch).not.toHaveBeenCalled();
    await astraTransport("https://elsewhere.example/hook");
    expect(networkFetch).toHaveBeenCalledTimes(1);
  });
});
