import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CALLS_PER_USER, forgetAstraCalls, recentAstraCalls, recordAstraCall } from "@/lib/dev-tools/recent-calls";

const call = (n: number) => ({
  method: "GET",
  path: `/v1/accounts/${n}`,
  status: 200,
  durationMs: 12.4,
  requestId: `req_${n}`,
});

describe("recent Astra calls (developer drawer)", () => {
  beforeEach(() => forgetAstraCalls());

  it("keeps the newest calls first, at most CALLS_PER_USER per user", () => {
    for (let n = 1; n <= CALLS_PER_USER + 5; n++) recordAstraCall(call(n), "usr_a");
    const calls = recentAstraCalls("usr_a");
    expect(calls).toHaveLength(CALLS_PER_USER);
    expect(calls[0]).toMatchObject({
      path: `/v1/accounts/${CALLS_PER_USER + 5}`,
      requestId: `req_${CALLS_PER_USER + 5}`,
      durationMs: 12,
    });
    expect(calls.at(-1)?.path).toBe("/v1/accounts/6");
  });

  it("keeps each user's calls apart, and records nothing without a user", () => {
    recordAstraCall(call(1), "usr_a");
    recordAstraCall(call(2), "usr_b");
    recordAstraCall(call(3));
    expect(recentAstraCalls("usr_a").map((c) => c.requestId)).toEqual(["req_1"]);
    expect(recentAstraCalls("usr_b").map((c) => c.requestId)).toEqual(["req_2"]);
  });

  it("stores no token, header or query string, whatever the caller hands it", () => {
    const leaky = {
      ...call(1),
      path: "/v1/transfers?token=abc&page=2",
      authorization: "Bearer secret-token",
      accessToken: "secret-token",
    };
    recordAstraCall(leaky, "usr_a");
    const [stored] = recentAstraCalls("usr_a");
    expect(Object.keys(stored!).sort()).toEqual(["at", "durationMs", "method", "path", "requestId", "status"]);
    expect(stored!.path).toBe("/v1/transfers");
    expect(JSON.stringify(recentAstraCalls("usr_a"))).not.toContain("secret-token");
  });

  it("remembers a bounded number of users", () => {
    for (let n = 0; n < 200; n++) recordAstraCall(call(n), `usr_${n}`);
    expect(recentAstraCalls("usr_0")).toEqual([]);
    expect(recentAstraCalls("usr_199")).toHaveLength(1);
  });
});

describe("the call log's registration (lib/plugins.ts)", () => {
  const reset = () => {
    forgetAstraCalls();
    for (const key of ["astra-hooks", "plugins-registered"]) {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for(`astra-nextjs-starter.${key}`)];
    }
  };
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    reset();
  });

  async function boot(astraEnv: string) {
    reset();
    vi.stubEnv("ASTRA_ENV", astraEnv);
    vi.stubEnv("ASTRA_CLIENT_ID", "client");
    vi.stubEnv("ASTRA_CLIENT_SECRET", "secret");
    vi.resetModules(); // lib/env.ts caches the parsed environment
    await (await import("@/lib/plugins")).registerPlugins();
    return import("@/lib/astra/hooks");
  }

  it("in emulator mode records each call astraFetch reports, for the user it was made for", async () => {
    const { notifyAstraCall, withAstraCaller } = await boot("emulator");
    withAstraCaller("usr_a", () => notifyAstraCall(call(1)));
    notifyAstraCall(call(2));
    expect(recentAstraCalls("usr_a").map((c) => c.requestId)).toEqual(["req_1"]);
  });

  it("with ASTRA_ENV=sandbox records nothing", async () => {
    const { notifyAstraCall, withAstraCaller } = await boot("sandbox");
    withAstraCaller("usr_a", () => notifyAstraCall(call(1)));
    expect(recentAstraCalls("usr_a")).toEqual([]);
  });
});
