import { afterEach, describe, expect, it, vi } from "vitest";
import { DevTools } from "@/components/dev-tools/dev-tools";
import { devToolsEnabled } from "@/lib/dev-tools/gate";
import { parseEnv, type Env } from "@/lib/env";

const env = vi.hoisted(() => ({ current: {} as Partial<Env> }));
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => ({ astraAppUrl: "http://localhost:4010", ...env.current }),
}));
vi.mock("@/lib/auth/next-auth", () => ({ auth: vi.fn(async () => ({ user: { id: "usr_1" } })) }));

/** A POST as the drawer sends it: JSON, from the page's own origin. */
const devToolsPost = (body: string, headers: Record<string, string | undefined> = {}) => {
  const sent: Record<string, string> = {};
  const all = { host: "localhost", origin: "http://localhost", "content-type": "application/json", ...headers };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) sent[name] = value;
  return new Request("http://localhost/api/dev-tools", { method: "POST", body, headers: sent });
};

const production = (astraEnv: "sandbox" | "production") =>
  parseEnv({
    NODE_ENV: "production",
    ASTRA_ENV: astraEnv,
    ASTRA_CLIENT_ID: "real_client",
    ASTRA_CLIENT_SECRET: "real_secret",
    AUTH_SECRET: "a-production-secret-of-length",
    AUTH_URL: "https://app.example.com",
  });

describe("the developer tools gate", () => {
  afterEach(() => {
    env.current = {};
  });

  it("is open only in emulator mode", () => {
    expect(devToolsEnabled(parseEnv({}))).toBe(true);
    expect(devToolsEnabled(production("sandbox"))).toBe(false);
    expect(devToolsEnabled(production("production"))).toBe(false);
  });

  it.each(["sandbox", "production"] as const)("renders no drawer with ASTRA_ENV=%s", (astraEnv) => {
    env.current = production(astraEnv);
    expect(DevTools()).toBeNull();
  });

  it("renders the drawer, with the emulator's dashboard link, in emulator mode", () => {
    env.current = { astraEnv: "emulator" };
    expect(JSON.stringify(DevTools())).toContain('"dashboardUrl":"http://localhost:4010/dashboard"');
  });

  it.each(["sandbox", "production"] as const)("answers 404 from /api/dev-tools with ASTRA_ENV=%s", async (astraEnv) => {
    env.current = production(astraEnv);
    const { GET, POST } = await import("@/app/api/dev-tools/route");
    expect((await GET()).status).toBe(404);
    const post = await POST(devToolsPost(JSON.stringify({ action: "reset" })));
    expect(post.status).toBe(404);
  });

  it("in emulator mode refuses a bad action with 400 and what to fix, before calling the emulator", async () => {
    env.current = { astraEnv: "emulator" };
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const { POST } = await import("@/app/api/dev-tools/route");
    const bad = await POST(devToolsPost(JSON.stringify({ action: "advance", days: 3 })));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { kind: "invalid_request", message: "days must be 1 or 5." } });
    const notJson = await POST(devToolsPost("{"));
    expect(notJson.status).toBe(400);
    expect(fetchMock).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it("refuses a POST from another site (403) or not sent as JSON (415), before anything else", async () => {
    env.current = { astraEnv: "emulator" };
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const { POST } = await import("@/app/api/dev-tools/route");
    const body = JSON.stringify({ action: "reset" });
    for (const origin of ["https://evil.example", "null", undefined]) {
      const answer = await POST(devToolsPost(body, { origin }));
      expect(answer.status, String(origin)).toBe(403);
      expect((await answer.json()).error.kind).toBe("forbidden");
    }
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const answer = await POST(devToolsPost(body, { "content-type": contentType }));
      expect(answer.status, contentType).toBe(415);
    }
    expect(fetchMock).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
