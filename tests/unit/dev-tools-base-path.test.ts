import { afterEach, describe, expect, it, vi } from "vitest";
import { captureFetch } from "./support/base-path";

vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: (await import("./support/base-path")).basePathEnv,
}));

afterEach(() => vi.unstubAllGlobals());

describe("the developer tools under a base path", () => {
  it("the developer tools' control API calls base + /sandbox/…", async () => {
    const { readEmulatorClock } = await import("@/lib/dev-tools/control-api");
    const url = captureFetch({ now: "2026-12-01T00:00:00.000Z", today: "2026-12-01" });
    await readEmulatorClock();
    expect(url()).toBe("https://x.app/emulator/sandbox/clock");
  });
});
