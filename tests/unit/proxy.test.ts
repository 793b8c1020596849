import { NextRequest } from "next/server";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeSession, sessionCookieName } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { proxy } from "@/proxy";

// proxy.ts in-process: the headers it puts on every answer, the session it requires, and what it logs when a
// refresh fails (the page then shows the error; the log is how an operator sees it).
const ORIGIN = "http://localhost:3000";
const env = getEnv();
const cookieName = sessionCookieName(env);

let tokenCount = 0;
/** A session whose access token has expired, so the proxy refreshes it; unique tokens per test. */
async function expiredSessionCookie() {
  tokenCount += 1;
  const token: JWT = {
    astraUserId: "usr_proxy",
    status: "approved",
    accessToken: `access-secret-${tokenCount}`,
    refreshToken: `refresh-secret-${tokenCount}`,
    expiresAt: Math.floor(Date.now() / 1000) - 10,
  };
  return { token, cookie: `${cookieName}=${await encodeSession(token, env, cookieName)}` };
}

const get = (path: string, cookie?: string) =>
  new NextRequest(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("proxy: security headers", () => {
  it("puts the CSP on the response and on the request Next renders, with one fresh nonce", async () => {
    const first = await proxy(get("/"));
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request }) hands the rewritten request headers to the renderer this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");

    const second = await proxy(get("/"));
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("sends a signed-out visitor of a signed-in page to sign in, and answers 401 to a signed-in API, both with headers", async () => {
    const page = await proxy(get("/verify"));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`${ORIGIN}/signin?callbackUrl=%2Fverify`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    const api = await proxy(get("/api/astra/transfers"));
    expect(api.status).toBe(401);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("proxy: failed refreshes are logged", () => {
  it("logs one structured line when Astra cannot be reached, naming path and cause but no token", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { token, cookie } = await expiredSessionCookie();

    const response = await proxy(get("/dashboard", cookie));
    expect(response.status).toBe(200); // the page renders and shows the error itself

    expect(warn).toHaveBeenCalledOnce();
    const line = String(warn.mock.calls[0]![0]);
    expect(JSON.parse(line)).toEqual({
      event: "session_refresh_failed",
      path: "/dashboard",
      cause: "unavailable",
      status: 0,
      requestId: null,
    });
    expect(line).not.toContain(token.accessToken);
    expect(line).not.toContain(token.refreshToken);
  });

  it("logs Astra's status and request id when it answers with an error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { code: 500, name: "Server Error", description: "boom" },
          { status: 500, headers: { "request-id": "req-proxy-1" } },
        ),
      ),
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { cookie } = await expiredSessionCookie();

    await proxy(get("/routines", cookie));
    expect(JSON.parse(String(warn.mock.calls[0]![0]))).toEqual({
      event: "session_refresh_failed",
      path: "/routines",
      cause: "unavailable",
      status: 500,
      requestId: "req-proxy-1",
    });
  });

  it("logs a refresh token Astra no longer accepts (the user must re-authorize)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ error: "invalid_grant" }, { status: 400 })),
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { cookie } = await expiredSessionCookie();

    await proxy(get("/transfers", cookie));
    expect(JSON.parse(String(warn.mock.calls[0]![0]))).toMatchObject({
      path: "/transfers",
      cause: "refresh_token_rejected",
    });
  });
});
