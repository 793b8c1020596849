import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { astraErrorView } from "@/components/load-page-data";
import { astraFetch } from "@/lib/astra/client";
import { AstraError } from "@/lib/astra/errors";
import { transferListSchema } from "@/lib/astra/schemas";
import { exchangeRefreshToken } from "@/lib/auth/refresh-token";
import { minimalTransfer } from "./fixtures/minimal-astra";

// An answer that still does not parse is logged on the server (one line: which call, which request id, where
// it differed, never a value or a token) and reaches the person as the "bad_response" panel with the id.
const TOKEN = "tok_do_not_log_4f1c";
const SECRET_VALUE = "routine-name-do-not-log";

function captureErrors() {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  return { lines, spy };
}

function answer(body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json(body, { headers })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("a response that does not match its schema", () => {
  const badList = {
    count: 1,
    transfers: [
      { ...minimalTransfer, routine_name: SECRET_VALUE, amount: "forty" },
      { ...minimalTransfer, id: 7 },
    ],
  };

  async function failingRead() {
    answer(badList, { "request-id": "req-7f3a" });
    return astraFetch({
      path: "/v1/transfers",
      auth: { accessToken: TOKEN },
      schema: transferListSchema,
      searchParams: { page_size: 50 },
    }).catch((error: unknown) => error);
  }

  it("is logged once, as one JSON line with the call, the request id and where it differed", async () => {
    const { lines } = captureErrors();
    const error = await failingRead();
    expect(error).toBeInstanceOf(AstraError);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).not.toContain("\n");
    const logged = JSON.parse(line);
    expect(logged).toMatchObject({
      event: "astra_unexpected_response",
      method: "GET",
      path: "/v1/transfers",
      status: 200,
      request_id: "req-7f3a",
      issue_count: 2,
    });
    expect(logged.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "transfers.0.amount",
      "transfers.1.id",
    ]);
    expect(logged.issues[0]).toMatchObject({ code: "invalid_type", message: expect.any(String) });
  });

  it("logs no token, no header and no value from the body", async () => {
    const { lines } = captureErrors();
    await failingRead();
    const line = lines.join("\n");
    expect(line).not.toContain(TOKEN);
    expect(line.toLowerCase()).not.toContain("bearer");
    expect(line.toLowerCase()).not.toContain("authorization");
    expect(line).not.toContain(SECRET_VALUE);
    expect(line).not.toContain("forty");
    expect(line).not.toContain("page_size");
  });

  it("reaches the person as the bad_response panel with the request id", async () => {
    captureErrors();
    const error = await failingRead();
    expect(error).toMatchObject({ kind: "bad_response", requestId: "req-7f3a" });
    const html = renderToStaticMarkup(
      createElement(AstraErrorPanel, { view: astraErrorView(error as AstraError), path: "/transfers" }),
    );
    expect(html).toContain("Astra sent an answer this app did not expect");
    expect(html).toContain("Request id:");
    expect(html).toContain("req-7f3a");
    expect(html).not.toContain(SECRET_VALUE);
  });

  it("is logged for a token refresh answer too, without the tokens", async () => {
    const { lines } = captureErrors();
    answer(
      { access_token: "at_do_not_log", refresh_token: "rt_do_not_log", expires_in: "soon" },
      { "request-id": "req-tok" },
    );
    const error = await exchangeRefreshToken({
      astraUserId: "usr_1",
      status: "approved",
      refreshToken: "rt_old_do_not_log",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "bad_response", requestId: "req-tok" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ method: "POST", path: "/v1/oauth/token", request_id: "req-tok" });
    expect(lines[0]).toContain("expires_in");
    expect(lines[0]).not.toMatch(/do_not_log/);
  });
});
