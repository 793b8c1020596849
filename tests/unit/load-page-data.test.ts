import { beforeEach, describe, expect, it, vi } from "vitest";
import { AstraError, type AstraErrorKind } from "@/lib/astra/errors";

const readFromAstra = vi.fn();
// React's per-request cache, one "request" per test (outside a server render React's cache does not memoise).
let requestCache = new Map<unknown, unknown>();
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache:
    <T>(fn: () => T) =>
    () => {
      if (!requestCache.has(fn)) requestCache.set(fn, fn());
      return requestCache.get(fn) as T;
    },
}));
vi.mock("@/lib/auth/astra-session", () => ({ readFromAstra: (load: unknown) => readFromAstra(load) }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
// The panel's own rendering is not under test here, only what it is handed.
vi.mock("@/components/astra-error-panel", () => ({ AstraErrorPanel: () => null, AstraErrorNote: () => null }));

const { loadPageData } = await import("@/components/load-page-data");
const { AstraErrorNote, AstraErrorPanel } = await import("@/components/astra-error-panel");

const failure = (kind: AstraErrorKind) => new AstraError({ kind, status: 0, message: `Astra: ${kind}` });
const load = (token: string) => Promise.resolve(token);

describe("loadPageData", () => {
  beforeEach(() => {
    readFromAstra.mockReset();
    requestCache = new Map();
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });

  it("hands back what the loader returned", async () => {
    readFromAstra.mockResolvedValue({ routines: [] });
    await expect(loadPageData(load, { path: "/routines" })).resolves.toEqual({ ok: true, data: { routines: [] } });
  });

  it.each(["unauthorized", "unavailable", "not_found"] as const)(
    "turns a %s failure into the panel for the page",
    async (kind) => {
      const error = failure(kind);
      readFromAstra.mockRejectedValue(error);
      const loaded = await loadPageData(load, { path: "/transfers" });
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      const props = loaded.panel.props as { view: unknown; path: string };
      expect(props.view).toEqual({
        kind,
        title: expect.any(String),
        action: expect.any(String),
        detail: null,
        requestId: null,
      });
      expect(props.path).toBe("/transfers");
    },
  );

  it("hands the panel only plain data, never the error with its cause", async () => {
    readFromAstra.mockRejectedValue(
      new AstraError({ kind: "unavailable", status: 0, message: "x", cause: new TypeError("fetch failed") }),
    );
    const loaded = await loadPageData(load, { path: "/dashboard" });
    if (loaded.ok) throw new Error("expected a panel");
    expect(JSON.parse(JSON.stringify(loaded.panel.props))).toEqual(loaded.panel.props);
  });

  it("shows one panel per page: a second section failing the same way gets a note", async () => {
    readFromAstra.mockRejectedValue(failure("unavailable"));
    const first = await loadPageData(load, { path: "/dashboard" });
    const second = await loadPageData(load, { path: "/dashboard" });
    if (first.ok || second.ok) throw new Error("expected failures");
    expect(first.panel.type).toBe(AstraErrorPanel);
    expect(second.panel.type).toBe(AstraErrorNote);

    requestCache = new Map();
    const nextRequest = await loadPageData(load, { path: "/dashboard" });
    if (nextRequest.ok) throw new Error("expected a failure");
    expect(nextRequest.panel.type).toBe(AstraErrorPanel);
  });

  it("still shows a panel for a different failure on the same page", async () => {
    readFromAstra.mockRejectedValueOnce(failure("unavailable")).mockRejectedValueOnce(failure("unauthorized"));
    const first = await loadPageData(load, { path: "/dashboard" });
    const second = await loadPageData(load, { path: "/dashboard" });
    if (first.ok || second.ok) throw new Error("expected failures");
    expect([first.panel.type, second.panel.type]).toEqual([AstraErrorPanel, AstraErrorPanel]);
  });

  it("shows the 404 page for a missing resource when the URL names one", async () => {
    readFromAstra.mockRejectedValue(failure("not_found"));
    await expect(loadPageData(load, { path: "/routines/x", notFoundPage: true })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("keeps the panel for other failures on such a page", async () => {
    readFromAstra.mockRejectedValue(failure("unauthorized"));
    const loaded = await loadPageData(load, { path: "/routines/x", notFoundPage: true });
    expect(loaded.ok).toBe(false);
  });

  it("lets a non-Astra error reach the error boundary", async () => {
    readFromAstra.mockRejectedValue(new TypeError("bug"));
    await expect(loadPageData(load, { path: "/routines" })).rejects.toThrow(TypeError);
  });
});
