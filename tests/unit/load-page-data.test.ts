import { beforeEach, describe, expect, it, vi } from "vitest";
import { AstraError, type AstraErrorKind } from "@/lib/astra/errors";

const readFromAstra = vi.fn();
vi.mock("@/lib/auth/astra-session", () => ({ readFromAstra: (load: unknown) => readFromAstra(load) }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
// The panel's own rendering is not under test here, only which error it is handed.
vi.mock("@/components/astra-error-panel", () => ({ AstraErrorPanel: () => null }));

const { loadPageData } = await import("@/components/load-page-data");

const failure = (kind: AstraErrorKind) => new AstraError({ kind, status: 0, message: `Astra: ${kind}` });
const load = (token: string) => Promise.resolve(token);

describe("loadPageData", () => {
  beforeEach(() => {
    readFromAstra.mockReset();
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
      const props = loaded.panel.props as { error: unknown; path: string };
      expect(props.error).toBe(error);
      expect(props.path).toBe("/transfers");
    },
  );

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
