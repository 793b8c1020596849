import { describe, expect, it } from "vitest";
import { authUrlAdvice, misnamedAuthUrl } from "@/lib/http/request-origin";

describe("misnamedAuthUrl", () => {
  it("flags a local AUTH_URL on another port or host than the browser used", () => {
    expect(misnamedAuthUrl("http://localhost:3000", "http://localhost:3001")).toBe(true);
    expect(misnamedAuthUrl("http://127.0.0.1:3000", "http://localhost:3000")).toBe(true);
  });

  it("leaves a matching, unset or public AUTH_URL alone", () => {
    expect(misnamedAuthUrl("http://localhost:3000", "http://localhost:3000")).toBe(false);
    expect(misnamedAuthUrl("http://localhost:3000", undefined)).toBe(false);
    expect(misnamedAuthUrl("https://tunnel.example", "http://localhost:3000")).toBe(false);
    expect(misnamedAuthUrl("http://localhost:3000", "https://app.example.com")).toBe(false);
  });
});

describe("authUrlAdvice", () => {
  it("says to fix AUTH_URL to the port the app runs on, not to register another redirect URI", () => {
    const advice = authUrlAdvice("http://localhost:3000", "http://localhost:3001");
    expect(advice).toContain("Set AUTH_URL=http://localhost:3000");
    expect(advice).not.toMatch(/register/i);
  });

  it("on the same port under another host name, says to open the app at AUTH_URL", () => {
    expect(authUrlAdvice("http://127.0.0.1:3000", "http://localhost:3000")).toBe(
      "Open the app at http://localhost:3000: sign-in returns to the address AUTH_URL names.",
    );
  });
});

describe("a malformed Host header", () => {
  it("is not a misnamed AUTH_URL, and the advice still reads, rather than throwing", () => {
    expect(misnamedAuthUrl("http://local host:3000", "http://localhost:3000")).toBe(false);
    expect(misnamedAuthUrl("http://[::1", "http://localhost:3000")).toBe(false);
    expect(misnamedAuthUrl("http://localhost:3000", "not a url")).toBe(false);
    expect(authUrlAdvice("http://[::1", "http://localhost:3000")).toContain("Open the app at http://localhost:3000");
    expect(authUrlAdvice("http://localhost:3000", "not a url")).toContain("Open the app at not a url");
  });
});
