import fc from "fast-check";
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
    expect(safeCallbackPath("http://localhost:3000", "http://localhost:3000")).toBe("/");
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
    // Dot segments that collapse to a protocol-relative URL once the path is normalised.
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/%2e%2e//evil.example"],
    ["/%2E//evil.example"],
    ["/x/../..//evil.example/path"],
    ["/a/b/../../..//evil.example"],
    ["/./\\evil.example"],
    ["/%2f%2fevil.example"],
    ["/%2F/evil.example"],
    ["/%5cevil.example"],
    ["/%5C%5Cevil.example"],
    ["/\u0000/evil.example"],
    ["javascript:alert(1)//"],
    ["JavaScript:alert(1)"],
    [" /dashboard"],
    ["http:/evil.example"],
    ["http://localhost:3000//evil.example"],
    ["http://localhost:3000/.//evil.example"],
    [""],
    [undefined],
  ])("falls back to the dashboard for %s", (value) => {
    expect(safeCallbackPath(value, "http://localhost:3000")).toBe("/dashboard");
  });
});

// Strings made of the pieces URL tricks are built from, so the generator hits the interesting cases often.
const piece = fc.constantFrom(
  "/",
  "//",
  "\\",
  ".",
  "..",
  "%2e",
  "%2E",
  "%2e%2e",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%09",
  "\t",
  "\n",
  "\r",
  "evil.example",
  "localhost:3000",
  "dashboard",
  "routines",
  "?",
  "#",
  "@",
  ":",
  "javascript:",
  "http:",
  "https:",
  "http://localhost:3000",
  " ",
  "\u0000",
  "x",
);
const trickyInput = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
  fc.array(piece, { maxLength: 8 }).map((parts) => `/${parts.join("")}`),
  fc.string({ maxLength: 40 }),
  fc.webUrl(),
);

describe("safeCallbackPath on generated input", () => {
  it("always returns a path on this site that starts with exactly one slash", () => {
    fc.assert(
      fc.property(trickyInput, (value) => {
        const path = safeCallbackPath(value, "http://localhost:3000");
        expect(path.startsWith("/")).toBe(true);
        expect(path[1] === "/" || path[1] === "\\").toBe(false);
        expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
        // Wherever the app runs, the browser resolves the result on the app's own origin.
        for (const origin of ["http://localhost:3000", "https://app.example"]) {
          expect(new URL(path, origin).origin).toBe(origin);
        }
        // Normalised already: passing it through again changes nothing.
        expect(safeCallbackPath(path, "http://localhost:3000")).toBe(path);
      }),
      { numRuns: 500 },
    );
  });
});

describe("signInUrlFor", () => {
  it("keeps the page's path and query, not its origin", () => {
    const url = signInUrlFor(new URL("http://localhost:3000/dashboard?tab=accounts"));
    expect(url.href).toBe("http://localhost:3000/signin?callbackUrl=%2Fdashboard%3Ftab%3Daccounts");
    expect(safeCallbackPath(url.searchParams.get("callbackUrl"))).toBe("/dashboard?tab=accounts");
  });
});
