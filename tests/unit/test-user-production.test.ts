import { afterEach, describe, expect, it, vi } from "vitest";

// "Create a test user" is for the emulator and Astra's sandbox only: in production it must not exist.
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function loadWith(astraEnv: string, extra: Record<string, string> = {}) {
  vi.stubEnv("ASTRA_ENV", astraEnv);
  for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
  vi.stubEnv("ASTRA_CLIENT_ID", "live_client");
  vi.stubEnv("ASTRA_CLIENT_SECRET", "live_secret");
  vi.resetModules(); // lib/env.ts caches the parsed environment
  return (await import("@/app/test-user/page")).default;
}

/** The digest of what rendering the page threw ("NEXT_HTTP_ERROR_FALLBACK;404" for notFound()), or "". */
function thrownDigest(render: () => unknown): string {
  try {
    render();
  } catch (error) {
    return (error as { digest?: string }).digest ?? "";
  }
  return "";
}

describe("/test-user", () => {
  it("is not found when the app talks to Astra's production", async () => {
    const TestUserPage = await loadWith("production");
    expect(thrownDigest(TestUserPage)).toMatch(/404/);
  });

  // Its users would dodge Try the demo's per-address limit and cleanup, and its phone would be a login.
  it("is not found in the public demo (a production demo build)", async () => {
    const TestUserPage = await loadWith("demo", {
      NODE_ENV: "production",
      AUTH_SECRET: "a-real-secret-of-enough-length",
      AUTH_URL: "https://demo.example.com",
      CLIENT_IP_HEADER: "x-real-ip",
    });
    expect(thrownDigest(TestUserPage)).toMatch(/404/);
  });

  it("renders against Astra's sandbox, asking for the SSN instead of offering outcomes", async () => {
    const TestUserPage = await loadWith("sandbox");
    const element = TestUserPage();
    expect(element.props.children[1].props).toMatchObject({ outcomes: null });
  });
});
