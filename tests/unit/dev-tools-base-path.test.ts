import { afterEach, describe, expect, it, vi } from "vitest";

// Demo mode's Astra base carries a path (https://x.app/emulator), which `new URL(path, base)` silently dropped.
const BASE = "https://x.app/emulator";
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => ({
    astraEnv: "emulator",
    astraApiUrl: BASE,
    astraAppUrl: BASE,
    astraClientId: "client",
    astraClientSecret: "secret",
  }),
}));

afterEach(() => vi.unstubAllGlobals());

function captureFetch(body: unknown) {
  const fetchMock = vi.fn<(url: string | URL, init?: RequestInit) => Promise<Response>>(async () =>
    Response.json(body),
  );
  vi.stubGlobal("fetch", fetchMock);
  return () => String(fetchMock.mock.calls[0]![0]);
}

describe("the developer tools under a base path", () => {
  it("the developer tools' control API calls base + /sandbox/…", async () => {
    const { readEmulatorClock } = await import("@/lib/dev-tools/control-api");
    const url = captureFetch({ now: "2026-12-01T00:00:00.000Z", today: "2026-12-01" });
    await readEmulatorClock();
    expect(url()).toBe("https://x.app/emulator/sandbox/clock");
  });
});
