import { vi } from "vitest";

// Demo mode's Astra base carries a path (https://x.app/emulator), which `new URL(path, base)` silently dropped.
export const BASE = "https://x.app/emulator";

export const basePathEnv = () => ({
  astraEnv: "emulator",
  astraApiUrl: BASE,
  astraAppUrl: BASE,
  astraClientId: "client",
  astraClientSecret: "secret",
});

/** Stubs fetch with one JSON answer; returns a reader of the first URL fetched. */
export function captureFetch(body: unknown) {
  const fetchMock = vi.fn<(url: string | URL, init?: RequestInit) => Promise<Response>>(async () =>
    Response.json(body),
  );
  vi.stubGlobal("fetch", fetchMock);
  return () => String(fetchMock.mock.calls[0]![0]);
}
