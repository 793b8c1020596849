import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AstraError, astraErrorResponse } from "@/lib/astra/errors";

vi.mock("@/lib/auth/astra-session", () => ({
  readFromAstra: (load: (token: string) => Promise<unknown>) => load("token"),
}));
const { loadPageData } = await import("@/components/load-page-data");

// What the browser may see of a failure (the comment atop components/astra-error-panel.tsx), checked on both
// surfaces that show one: the error panel and the route handlers' JSON.
const INTERNAL = "http://astra-internal.example:4010";
const unreachable = () =>
  new AstraError({
    kind: "unavailable",
    status: 0,
    message: `Could not reach Astra at ${INTERNAL}`,
    cause: new TypeError("fetch failed"),
  });
const serverError = () =>
  new AstraError({ kind: "unavailable", status: 503, message: "upstream pool db-7 exhausted", requestId: "req-503" });
const refused = () =>
  new AstraError({
    kind: "invalid_request",
    status: 400,
    message: "amount: must be at most 5000",
    requestId: "req-400",
  });

async function panel(error: AstraError): Promise<string> {
  const loaded = await loadPageData(() => Promise.reject(error), { path: "/routines" });
  if (loaded.ok) throw new Error("expected the error panel");
  return renderToStaticMarkup(loaded.panel);
}

const LIVE = { astraEnv: "production", nodeEnv: "production" } as const;

afterEach(() => vi.restoreAllMocks());

describe("error panel", () => {
  it("shows the kind, this app's words and the request id, never an internal URL or a 5xx body", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const html = await panel(unreachable());
    expect(html).toContain("The emulator is not running");
    expect(html).toContain(">unavailable<");
    expect(html).not.toContain(INTERNAL);
    expect(html).not.toContain("Could not reach");

    const fiveHundred = await panel(serverError());
    expect(fiveHundred).toContain("req-503");
    expect(fiveHundred).not.toContain("db-7");

    // The operator still gets the whole story, on the server.
    const logged = warn.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(logged[0]).toMatchObject({
      event: "astra_error",
      where: "/routines",
      kind: "unavailable",
      message: `Could not reach Astra at ${INTERNAL}`,
      cause: "fetch failed",
    });
    expect(logged[1]).toMatchObject({ requestId: "req-503", message: "upstream pool db-7 exhausted" });
  });

  it("shows Astra's own words when Astra refused the request", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await panel(refused())).toContain("Astra said: amount: must be at most 5000");
  });
});

describe("route handlers' JSON errors", () => {
  it("carry kind, words and request id, and Astra's message only for a 4xx", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const hidden = astraErrorResponse(unreachable(), "test", LIVE);
    expect(hidden.status).toBe(502);
    const body = await hidden.text();
    expect(body).not.toContain(INTERNAL);
    expect(JSON.parse(body)).toEqual({
      error: {
        kind: "unavailable",
        title: "Astra is not reachable right now",
        action: expect.any(String),
        message: null,
        requestId: null,
      },
    });

    expect((await astraErrorResponse(serverError(), "test", LIVE).json()).error).toMatchObject({
      message: null,
      requestId: "req-503",
    });
    expect((await astraErrorResponse(refused(), "test", LIVE).json()).error).toMatchObject({
      message: "amount: must be at most 5000",
    });
  });
});
