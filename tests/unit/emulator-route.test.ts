import { afterEach, describe, expect, it, vi } from "vitest";

// The /emulator route handler in demo mode. Next's router asks a same-origin redirect target for its RSC payload
// before the browser goes there (Try the demo's server action redirects to the module with a one-use token):
// that request must never reach the emulator, or it spends the token and the browser then meets a 403.
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function load() {
  vi.stubEnv("ASTRA_ENV", "demo");
  vi.stubEnv("AUTH_URL", "http://localhost:4999");
  vi.resetModules(); // lib/env.ts caches the parsed environment
  const emulatorFetch = vi.fn(async (request: Request) => {
    void request;
    return new Response("module page", { status: 200 });
  });
  const { registerEmbeddedEmulator } = await import("@/lib/demo/transport");
  registerEmbeddedEmulator({ fetch: emulatorFetch, runDueWork: async () => undefined });
  const { GET } = await import("@/app/emulator/[[...path]]/route");
  return { GET, emulatorFetch };
}

const SIGN_IN_LINK = "http://localhost:4999/emulator/login/oauth/authorize?client_id=c&visitor_token=t";

describe("GET /emulator/*", () => {
  it("answers Next's RSC request without asking the emulator", async () => {
    const { GET, emulatorFetch } = await load();
    const response = await GET(new Request(SIGN_IN_LINK, { headers: { rsc: "1" } }));
    expect(response.status).toBe(204);
    expect(emulatorFetch).not.toHaveBeenCalled();
  });

  it("hands a browser's request to the emulator", async () => {
    const { GET, emulatorFetch } = await load();
    const response = await GET(new Request(SIGN_IN_LINK));
    expect(await response.text()).toBe("module page");
    expect(emulatorFetch).toHaveBeenCalledTimes(1);
  });
});
