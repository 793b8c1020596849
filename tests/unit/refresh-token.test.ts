import { afterEach, describe, expect, it, vi } from "vitest";
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import {
  exchangeRefreshToken,
  latestTokens,
  needsRefresh,
  refreshSessionTokens,
  tokensAfterRejection,
} from "@/lib/auth/refresh-token";
import type { JWT } from "next-auth/jwt";

const base: JWT = {
  astraUserId: "usr_1",
  status: "approved",
  accessToken: "old-access",
  refreshToken: "old-refresh",
  expiresAt: 10_000,
};

afterEach(() => vi.unstubAllGlobals());

describe("needsRefresh", () => {
  it("refreshes a minute before expiry, not earlier", () => {
    expect(needsRefresh(base, 9_939)).toBe(false);
    expect(needsRefresh(base, 9_940)).toBe(true);
    expect(needsRefresh(base, 20_000)).toBe(true);
  });

  it("never refreshes without a refresh token or after a failed refresh", () => {
    expect(needsRefresh({ ...base, refreshToken: undefined }, 20_000)).toBe(false);
    expect(needsRefresh({ ...base, error: "RefreshTokenError" }, 20_000)).toBe(false);
  });
});

function stubTokenEndpoint(response: () => Response) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("exchangeRefreshToken", () => {
  it("sends the refresh grant with client Basic auth and keeps the new pair", async () => {
    const fetchMock = stubTokenEndpoint(() =>
      Response.json({
        access_token: "new-access",
        token_type: "Bearer",
        expires_in: 7200,
        refresh_token: "new-refresh",
      }),
    );
    const before = Math.floor(Date.now() / 1000);
    const next = await exchangeRefreshToken(base);

    expect(next).toMatchObject({
      accessToken: "new-access",
      refreshToken: "new-refresh",
      error: undefined,
      astraUserId: "usr_1",
    });
    expect(next.expiresAt).toBeGreaterThanOrEqual(before + 7200);

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("http://localhost:4010/v1/oauth/token");
    const headers = new Headers(init.headers);
    expect(headers.get("authorization")).toBe(
      `Basic ${Buffer.from(`${EMULATOR_CLIENT_ID}:${EMULATOR_CLIENT_SECRET}`).toString("base64")}`,
    );
    expect(headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    const body = new URLSearchParams(String(init.body));
    expect(body.get("grant_type")).toBe("refresh_token");
    expect(body.get("refresh_token")).toBe("old-refresh");
  });

  it("marks the session for re-authorization when Astra rejects the refresh token", async () => {
    stubTokenEndpoint(() => Response.json({ error: "invalid_grant" }, { status: 400 }));
    const next = await exchangeRefreshToken(base);
    expect(next).toMatchObject({ error: "RefreshTokenError", accessToken: undefined, refreshToken: "old-refresh" });
  });

  it("throws, keeping the session, when Astra refuses the app's own keys", async () => {
    stubTokenEndpoint(() => Response.json({ error: "invalid_client" }, { status: 401 }));
    await expect(exchangeRefreshToken(base)).rejects.toMatchObject({ kind: "misconfigured", status: 401 });
  });

  it("throws, keeping the session, when Astra is down", async () => {
    stubTokenEndpoint(() => new Response("maintenance", { status: 503 }));
    await expect(exchangeRefreshToken(base)).rejects.toMatchObject({ kind: "unavailable", status: 503 });
  });
});

describe("refreshSessionTokens", () => {
  it("exchanges once for 20 parallel requests of one session", async () => {
    let issued = 0;
    const fetchMock = stubTokenEndpoint(() => {
      issued += 1;
      return Response.json({
        access_token: `a${issued}`,
        expires_in: 7200,
        refresh_token: `r${issued}`,
        token_type: "Bearer",
      });
    });
    const token = { ...base, refreshToken: "session-42-refresh" };
    const results = await Promise.all(Array.from({ length: 20 }, () => refreshSessionTokens(token)));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.accessToken))).toEqual(new Set(["a1"]));
  });
});

describe("tokensAfterRejection", () => {
  it("uses the pair another request already got, then refreshes only when that one is rejected too", async () => {
    let issued = 0;
    const fetchMock = stubTokenEndpoint(() => {
      issued += 1;
      return Response.json({
        access_token: `acc${issued}`,
        expires_in: 7200,
        refresh_token: `ref${issued}`,
        token_type: "Bearer",
      });
    });
    const cookie: JWT = { ...base, accessToken: "cookie-access", refreshToken: "cookie-refresh" };

    const first = await tokensAfterRejection(cookie, "cookie-access");
    expect(first).toMatchObject({ accessToken: "acc1", refreshToken: "ref1" });
    expect(latestTokens(cookie).accessToken).toBe("acc1");

    // A request still carrying the old cookie gets the newer pair without a second refresh.
    expect(await tokensAfterRejection(cookie, "cookie-access")).toMatchObject({ accessToken: "acc1" });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    // When the newer access token is rejected as well, the chain moves on from its refresh token.
    const second = await tokensAfterRejection(cookie, "acc1");
    expect(second).toMatchObject({ accessToken: "acc2", refreshToken: "ref2" });
    expect(new URLSearchParams(String(fetchMock.mock.calls[1]![1].body)).get("refresh_token")).toBe("ref1");
    expect(latestTokens(cookie).accessToken).toBe("acc2");
  });
});
