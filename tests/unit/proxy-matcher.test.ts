import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// proxy.ts must not run before the emulator mounted at /emulator (demo mode): a proxy in front of a route makes
// Next buffer the body first, and the emulator sets its own security headers.
const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("proxy.ts matcher", () => {
  it("skips the mounted emulator and the webhook receiver", () => {
    expect(matches("/emulator")).toBe(false);
    expect(matches("/emulator/login/oauth/authorize?client_id=x")).toBe(false);
    expect(matches("/emulator/v1/oauth/token")).toBe(false);
    expect(matches("/api/webhooks/astra")).toBe(false);
  });

  it("still runs for the app's pages and routes, even ones whose name starts like the mount", () => {
    expect(matches("/dashboard")).toBe(true);
    expect(matches("/api/astra/transfers")).toBe(true);
    expect(matches("/emulators")).toBe(true);
    expect(matches("/")).toBe(true);
  });
});
