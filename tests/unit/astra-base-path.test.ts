import { afterEach, describe, expect, it, vi } from "vitest";
import { absoluteBase, joinUrl } from "@/lib/astra/base-url";
import type { Env } from "@/lib/env";
import { BASE, captureFetch } from "./support/base-path";

vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: (await import("./support/base-path")).basePathEnv,
}));

afterEach(() => vi.unstubAllGlobals());

describe("joinUrl", () => {
  it("keeps the base's path", () => {
    expect(joinUrl(BASE, "/v1/accounts")).toBe("https://x.app/emulator/v1/accounts");
    expect(joinUrl(`${BASE}/`, "v1/accounts")).toBe("https://x.app/emulator/v1/accounts");
    expect(joinUrl("http://localhost:4010", "/v1/user")).toBe("http://localhost:4010/v1/user");
  });

  it("makes a bare-path base absolute on an origin and leaves an absolute one alone", () => {
    expect(absoluteBase("/emulator", "https://demo.example")).toBe("https://demo.example/emulator");
    expect(absoluteBase(BASE, "https://demo.example")).toBe(BASE);
  });
});

describe("Astra URLs under a base path", () => {
  it("the API client calls base + path, query kept", async () => {
    const { astraFetch } = await import("@/lib/astra/client");
    const { transferListSchema } = await import("@/lib/astra/schemas");
    const url = captureFetch({ count: 0, transfers: [] });
    await astraFetch({
      path: "/v1/transfers",
      auth: { accessToken: "tok" },
      schema: transferListSchema,
      searchParams: { page_size: 5, cursor: undefined },
    });
    expect(url()).toBe("https://x.app/emulator/v1/transfers?page_size=5");
  });

  it("the token refresh posts to base + /v1/oauth/token", async () => {
    const { exchangeRefreshToken } = await import("@/lib/auth/refresh-token");
    const url = captureFetch({ access_token: "a", refresh_token: "r", expires_in: 3600, token_type: "bearer" });
    await exchangeRefreshToken({ refreshToken: "old" } as never);
    expect(url()).toBe("https://x.app/emulator/v1/oauth/token");
  });

  it("module links keep the module's base path", async () => {
    const { buildModuleUrl } = await import("@/lib/astra/module-urls");
    const link = buildModuleUrl({ astraAppUrl: BASE, astraClientId: "client" } as Env, "link-account", {
      returnUrl: "https://x.app/accounts/linked",
      state: "s",
    });
    expect(new URL(link).pathname).toBe("/emulator/institutions/connect");
  });
});
