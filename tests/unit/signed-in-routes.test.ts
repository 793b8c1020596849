import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sessionRuleFor } from "@/lib/auth/signed-in-routes";
import { config } from "@/proxy";

// The proxy decides which requests need a session by URL (lib/auth/signed-in-routes.ts); the file system
// decides which routes are signed-in (app/(signed-in)/…). This walks the app directory so the two cannot drift.
const APP_DIR = path.resolve(import.meta.dirname, "../../app");
const ROUTE_FILE = /^(page|route)\.(tsx?|jsx?)$/;

type Route = { url: string; file: string; signedInGroup: boolean };

/** Every page and route handler under app/, with the URL it serves (groups dropped, [param] filled in). */
function routesUnder(dir: string, segments: string[] = [], signedInGroup = false): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && ROUTE_FILE.test(entry.name)) {
      routes.push({ url: `/${segments.join("/")}`, file: path.relative(APP_DIR, full), signedInGroup });
    } else if (entry.isDirectory() && !entry.name.startsWith("_") && !entry.name.startsWith("@")) {
      const group = /^\((.+)\)$/.exec(entry.name)?.[1];
      const segment = group ? null : entry.name.replace(/^\[\[?\.{0,3}(.+?)\]?\]$/, "sample-$1");
      routes.push(
        ...routesUnder(full, segment ? [...segments, segment] : segments, signedInGroup || group === "signed-in"),
      );
    }
  }
  return routes;
}

const routes = routesUnder(APP_DIR);

describe("which routes the proxy treats as signed-in", () => {
  it("finds the routes it should (so an empty walk cannot pass)", () => {
    const urls = routes.map((route) => route.url);
    expect(urls).toEqual(
      expect.arrayContaining(["/dashboard", "/verify", "/accounts/link", "/routines/sample-id", "/"]),
    );
  });

  it.each(routes.filter((route) => route.signedInGroup).map((route) => [route.url, route.file]))(
    "requires a session for %s (%s)",
    (url) => {
      expect(sessionRuleFor(url)).toBe("page");
      expect(sessionRuleFor(`${url}/`)).toBe("page");
    },
  );

  it.each(routes.filter((route) => !route.signedInGroup).map((route) => [route.url, route.file]))(
    "judges %s (%s) by its place: app/api/astra needs a session (401), the rest is public",
    (url, file) => {
      expect(sessionRuleFor(url)).toBe(file.startsWith(`api${path.sep}astra${path.sep}`) ? "api" : null);
    },
  );

  it("runs the proxy for every route but the webhook receiver and the mounted emulator, and for no static file", () => {
    // The matcher is one path-to-regexp pattern whose only syntax here is a regular-expression group.
    const [source] = config.matcher;
    const matches = (url: string) => new RegExp(`^${source}$`).test(url);
    // Both read their own bodies: where the proxy runs, Next buffers the body first.
    const skipped = (url: string) => url.startsWith("/api/webhooks/") || url.startsWith("/emulator/");
    for (const { url } of routes) expect(matches(url), url).toBe(!skipped(url));
    for (const url of ["/_next/static/chunks/app.js", "/_next/image", "/favicon.ico", "/icon"]) {
      expect(matches(url), url).toBe(false);
    }
  });

  it("judges an encoded path as the page Next would route it to", () => {
    expect(sessionRuleFor("/%64ashboard")).toBe("page");
    expect(sessionRuleFor("/api/%61stra/transfers")).toBe("api");
  });

  it("matches whole segments only", () => {
    expect(sessionRuleFor("/dashboards")).toBeNull();
    expect(sessionRuleFor("/verifying")).toBeNull();
    expect(sessionRuleFor("/api/astral")).toBeNull();
    expect(sessionRuleFor("/signin")).toBeNull();
  });
});
