import { afterEach, describe, expect, it, vi } from "vitest";
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { getAccounts, reshapeAccount } from "@/lib/astra/accounts";
import { astraFetch } from "@/lib/astra/client";
import { AstraError } from "@/lib/astra/errors";
import { accountListSchema, type Account } from "@/lib/astra/schemas";

const checking: Account = {
  id: "acc_1",
  name: "Everyday Checking",
  official_name: "Everyday Checking",
  nickname: null,
  mask: "4417",
  institution_name: "Redwood Community Bank",
  institution_logo: null,
  type: "depository",
  subtype: "checking",
  current_balance: 2450.75,
  available_balance: 2310.2,
  last_balance_update_on: "2026-11-01T10:00:00.000000",
  connection_status: "connected",
};

function mockFetch(response: Response) {
  const fetchMock = vi.fn<(url: URL, init: RequestInit) => Promise<Response>>(async () => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("astraFetch", () => {
  it("tells call listeners what was asked and answered, and for whom, but not the token or the query", async () => {
    const { onAstraCall, withAstraCaller } = await import("@/lib/astra/hooks");
    const heard: unknown[] = [];
    const stop = onAstraCall((call) => heard.push(call));
    mockFetch(Response.json({ count: 0, accounts: [] }, { headers: { "request-id": "req_9" } }));
    await withAstraCaller("usr_1", () =>
      astraFetch({
        path: "/v1/accounts",
        auth: { accessToken: "tok_123" },
        schema: accountListSchema,
        searchParams: { page: 2 },
      }),
    );
    stop();
    expect(heard).toEqual([
      {
        method: "GET",
        path: "/v1/accounts",
        status: 200,
        durationMs: expect.any(Number),
        requestId: "req_9",
        userId: "usr_1",
      },
    ]);
  });

  it("calls the configured API with the bearer token, uncached, and parses the body", async () => {
    const fetchMock = mockFetch(Response.json({ count: 1, accounts: [checking] }));
    const list = await astraFetch({
      path: "/v1/accounts",
      auth: { accessToken: "tok_123" },
      schema: accountListSchema,
    });
    expect(list.accounts[0]?.id).toBe("acc_1");

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe("http://localhost:4010/v1/accounts");
    expect(new Headers(init.headers).get("authorization")).toBe("Bearer tok_123");
    expect(init.cache).toBe("no-store");
  });

  it("authenticates client-level calls with the app's Basic credentials", async () => {
    const fetchMock = mockFetch(Response.json({ count: 0, accounts: [] }));
    await astraFetch({ path: "/v1/accounts", auth: "client", schema: accountListSchema });
    const [, init] = fetchMock.mock.calls[0]!;
    const expected = Buffer.from(`${EMULATOR_CLIENT_ID}:${EMULATOR_CLIENT_SECRET}`).toString("base64");
    expect(new Headers(init.headers).get("authorization")).toBe(`Basic ${expected}`);
  });

  it("turns Astra's error body into an AstraError with the request id", async () => {
    mockFetch(
      Response.json(
        { code: 401, name: "Unauthorized", description: "Access token revoked" },
        { status: 401, headers: { "request-id": "req-abc" } },
      ),
    );
    const error = await astraFetch({
      path: "/v1/accounts",
      auth: { accessToken: "t" },
      schema: accountListSchema,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstraError);
    expect(error).toMatchObject({
      kind: "unauthorized",
      status: 401,
      requestId: "req-abc",
      message: "Access token revoked",
    });
  });

  it("joins a field-map description into one message", async () => {
    mockFetch(
      Response.json(
        { code: 400, name: "Bad Request", description: { postal_code: ["Must be 5 digits."] } },
        { status: 400 },
      ),
    );
    await expect(
      astraFetch({ path: "/v1/accounts", auth: { accessToken: "t" }, schema: accountListSchema }),
    ).rejects.toMatchObject({
      kind: "invalid_request",
      message: "postal_code: Must be 5 digits.",
      fieldErrors: { postal_code: ["Must be 5 digits."] },
    });
  });

  it("reports a response that does not match the schema as bad_response, not as data", async () => {
    mockFetch(Response.json({ count: "two" }, { headers: { "request-id": "req-bad" } }));
    await expect(
      astraFetch({ path: "/v1/accounts", auth: { accessToken: "t" }, schema: accountListSchema }),
    ).rejects.toMatchObject({ kind: "bad_response", requestId: "req-bad" });
  });

  it("reports an unreachable Astra as unavailable", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
    );
    await expect(
      astraFetch({ path: "/v1/accounts", auth: { accessToken: "t" }, schema: accountListSchema }),
    ).rejects.toMatchObject({ kind: "unavailable", status: 0, requestId: null });
  });

  it("tells a forbidden call and refused app keys apart from an expired session", async () => {
    mockFetch(Response.json({ code: 403, name: "Forbidden", description: "Not enabled" }, { status: 403 }));
    await expect(getAccounts("t")).rejects.toMatchObject({ kind: "forbidden", status: 403 });
    mockFetch(
      Response.json(
        { code: 401, name: "Unauthorized", description: "Bad client" },
        { status: 401, headers: { "request-id": "r-1" } },
      ),
    );
    await expect(astraFetch({ path: "/v1/accounts", auth: "client", schema: accountListSchema })).rejects.toMatchObject(
      {
        kind: "misconfigured",
        status: 401,
        requestId: "r-1",
        message: "Bad client",
      },
    );
  });

  it("maps 5xx to unavailable and 404 to not_found", async () => {
    mockFetch(new Response("oops", { status: 503 }));
    await expect(getAccounts("t")).rejects.toMatchObject({ kind: "unavailable", message: "Astra answered HTTP 503" });
    mockFetch(Response.json({ code: 404, name: "Not Found", description: "No such account" }, { status: 404 }));
    await expect(getAccounts("t")).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("reshapeAccount", () => {
  it("turns the wire account into what the UI shows", () => {
    expect(reshapeAccount(checking)).toEqual({
      id: "acc_1",
      name: "Everyday Checking",
      institution: "Redwood Community Bank",
      kind: "Checking",
      mask: "4417",
      currentBalance: 2450.75,
      availableBalance: 2310.2,
      connected: true,
    });
  });

  it("prefers the nickname, title-cases multi-word subtypes and flags broken connections", () => {
    const view = reshapeAccount({
      ...checking,
      nickname: "Bills",
      subtype: "money market",
      connection_status: "error",
    });
    expect(view).toMatchObject({ name: "Bills", kind: "Money Market", connected: false });
  });
});
