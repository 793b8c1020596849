import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInUrlFor } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/dashboard?tab=accounts")).toBe("/dashboard?tab=accounts");
    expect(safeCallbackPath(["/routines/new", "/x"])).toBe("/routines/new");
  });

  it("normalises the path it keeps", () => {
    expect(safeCallbackPath("/routines/../transfers?status=pending#top")).toBe("/transfers?status=pending#top");
  });

  it("strips our own origin from absolute URLs", () => {
    expect(safeCallbackPath("http://localhost:3000/transfers", "http://localhost:3000")).toBe("/transfers");
  });

  it.each([
    ["https://evil.example/phish"],
    ["//evil.example/phish"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/%09/evil.example".replace("%09", "\t")],
    ["/\\evil.example/x"],
    ["/ok\r\nSet-Cookie: x=1"],
    ["http://localhost:3000.evil.example/x"],
    ["/api/auth/signout"],
    ["/signin?callbackUrl=/signin"],
    [""],
    [undefined],
  ])("falls back to the dashboard for %s", (value) => {
    expect(safeCallbackPath(value, "http://localhost:3000")).toBe("/dashboard");
  });
});

describe("signInUrlFor", () => {
  it("keeps the page's path and query, not its origin", () => {
    const url = signInUrlFor(new URL("http://localhost:3000/dashboard?tab=accounts"));
    expect(url.href).toBe("http://localhost:3000/signin?callbackUrl=%2Fdashboard%3Ftab%3Daccounts");
    expect(safeCallbackPath(url.searchParams.get("callbackUrl"))).toBe("/dashboard?tab=accounts");
  });
});
