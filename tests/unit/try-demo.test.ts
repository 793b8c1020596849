import { afterEach, describe, expect, it, vi } from "vitest";

// "Try the demo": a fresh visitor from the embedded emulator, then the normal sign-in carrying their one-use token.
const mocks = vi.hoisted(() => ({
  signIn: vi.fn(async () => undefined),
  redirect: vi.fn((url: string) => {
    throw new Error(`redirect:${url}`);
  }),
  notFound: vi.fn(() => {
    throw new Error("not-found");
  }),
  headers: new Headers({ "x-vercel-forwarded-for": "198.51.100.9" }),
}));
vi.mock("@/lib/auth/next-auth", () => ({ signIn: mocks.signIn }));
vi.mock("next/navigation", () => ({ redirect: mocks.redirect, notFound: mocks.notFound }));
vi.mock("next/headers", () => ({ headers: async () => mocks.headers }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
  vi.clearAllMocks();
});

async function load(astraEnv: string, emulator: () => Response) {
  vi.stubEnv("ASTRA_ENV", astraEnv);
  vi.stubEnv("AUTH_URL", "http://localhost:4999");
  vi.stubEnv("CLIENT_IP_HEADER", "x-vercel-forwarded-for");
  // In demo mode the app reaches the emulator in-process (lib/demo/transport.ts): stand in for the mounted one.
  const fetchMock = vi.fn(async (request: Request) => {
    void request;
    return emulator();
  });
  vi.resetModules(); // lib/env.ts caches the parsed environment
  const { registerEmbeddedEmulator } = await import("@/lib/demo/transport");
  registerEmbeddedEmulator({ fetch: fetchMock, runDueWork: async () => undefined });
  const { startDemoVisit } = await import("@/lib/demo/start-visit");
  return { startDemoVisit, fetchMock };
}

const VISITOR = {
  user_id: "u1",
  phone: "1385550142",
  phone_e164: "+11385550142",
  sign_in_token: "Zk3v9yQ2b8WcT1nRx4LmA0sPqE7uJ6hG5dF2kN8tYzC",
  sign_in_token_expires_at: "2026-01-15T17:10:00.000Z",
  created_at: "2026-01-15T17:00:00.000Z",
  expires_at: "2026-01-16T17:00:00.000Z",
};

describe("startDemoVisit", () => {
  it("creates a visitor for the caller's IP and signs in with their one-use token, not their phone", async () => {
    const { startDemoVisit, fetchMock } = await load("demo", () => Response.json(VISITOR, { status: 201 }));
    await startDemoVisit();
    const [request] = fetchMock.mock.calls[0] as unknown as [Request];
    expect(request.url).toBe("http://localhost:4999/emulator/sandbox/visitors");
    expect(await request.json()).toEqual({ client_ip: "198.51.100.9" });
    expect(mocks.signIn).toHaveBeenCalledWith(
      "astra",
      { redirectTo: "/dashboard" },
      { visitor_token: "Zk3v9yQ2b8WcT1nRx4LmA0sPqE7uJ6hG5dF2kN8tYzC" },
    );
  });

  it("sends the visitor to /signin?error=DemoRateLimited when the emulator answers 429", async () => {
    const { startDemoVisit } = await load("demo", () =>
      Response.json({ code: 429, name: "Too Many Requests", description: "slow down" }, { status: 429 }),
    );
    await expect(startDemoVisit()).rejects.toThrow("redirect:/signin?error=DemoRateLimited");
    expect(mocks.signIn).not.toHaveBeenCalled();
  });

  it("sends the visitor to /signin?error=DemoUnavailable when the emulator fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { startDemoVisit } = await load("demo", () => new Response("boom", { status: 500 }));
    await expect(startDemoVisit()).rejects.toThrow("redirect:/signin?error=DemoUnavailable");
    expect(mocks.signIn).not.toHaveBeenCalled();
  });

  it("does not exist outside demo mode", async () => {
    const { startDemoVisit, fetchMock } = await load("emulator", () => Response.json(VISITOR));
    await expect(startDemoVisit()).rejects.toThrow("not-found");
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
