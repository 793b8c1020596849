// A small browser for the emulator under a base path: a cookie jar that honours cookie paths, form posts with an
// Origin header, and a check of everything a response writes for the browser (links, form actions, sources,
// Location, cookie paths) against the base path. The checks collect problems instead of throwing, so one test
// reports every page that is wrong.
import { createHostedEmulator, type HostedEmulatorOptions } from "../src/hosted";
import { openHostedStore } from "../src/hosted-store";
import { createManualClock } from "../src/lib/clock";
import { DEFAULT_APP } from "./helpers";

export const ORIGIN = "http://localhost";

export type Fetcher = (request: Request) => Promise<Response>;

/** The hosted emulator on a fresh in-memory store, seeded with the default app's keys. */
export function createHostedTestEmulator(overrides: Partial<HostedEmulatorOptions> = {}) {
  const keys = { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret, webhookUrl: null };
  const store = openHostedStore({ file: ":memory:" }, keys);
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const hosted = createHostedEmulator({
    basePath: "/emulator",
    ...keys,
    ownOrigins: (request) => [new URL(request.url).origin],
    store,
    clock,
    ...overrides,
  });
  return { hosted, store, clock };
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every href, action and src attribute of a page, decoded. */
export const urlAttributes = (html: string): { name: string; value: string }[] =>
  [...html.matchAll(/\s(href|action|src)="([^"]*)"/g)].map((match) => ({
    name: match[1] ?? "",
    value: decode(match[2] ?? ""),
  }));

/** The action of the page's `index`-th form. */
export function formAction(html: string, index = 0): string {
  const actions = [...html.matchAll(/<form\b[^>]*\saction="([^"]*)"/g)].map((match) => decode(match[1] ?? ""));
  const action = actions[index];
  if (action === undefined) throw new Error(`No form number ${index} on the page:\n${html}`);
  return action;
}

interface Cookie {
  value: string;
  path: string;
}

/** RFC 6265 path-match: the cookie path is the request path or a prefix of it ending at a "/". */
const pathMatches = (cookiePath: string, requestPath: string) =>
  requestPath === cookiePath ||
  (requestPath.startsWith(cookiePath) && (cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/"));

export interface Visit {
  status: number;
  location: string | null;
  html: string;
}

/**
 * Visits pages like a browser would and checks what they write. `externalPrefixes` are the places outside the
 * emulator it may send the browser to (the redirect URIs of the flows under test).
 */
export function createBrowser(fetcher: Fetcher, basePath: string, externalPrefixes: string[]) {
  const jar = new Map<string, Cookie>();
  const problems: string[] = [];

  const underBase = (path: string) =>
    basePath === ""
      ? path.startsWith("/") && !path.startsWith("//")
      : path === basePath || path.startsWith(`${basePath}/`) || path.startsWith(`${basePath}?`);

  /** A URL the emulator wrote: on its own origin it must be under the base path; elsewhere, an expected place. */
  function checkUrl(where: string, value: string, allowExternal: boolean) {
    if (value.startsWith("/")) {
      if (!underBase(value)) problems.push(`${where}: ${value} is not under "${basePath}"`);
      return;
    }
    if (!URL.canParse(value)) {
      problems.push(`${where}: ${value} is neither a root path nor an absolute URL`);
      return;
    }
    const url = new URL(value);
    if (url.origin === ORIGIN) {
      if (!underBase(url.pathname)) problems.push(`${where}: ${value} is not under "${basePath}"`);
    } else if (!allowExternal || !externalPrefixes.some((prefix) => value.startsWith(prefix))) {
      problems.push(`${where}: ${value} leaves the emulator for an unexpected place`);
    }
  }

  function record(where: string, response: Response, html: string) {
    const location = response.headers.get("location");
    if (location !== null) checkUrl(`${where} Location`, location, true);
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5);
      if (path === undefined || !underBase(path) || (basePath !== "" && !path.startsWith(basePath))) {
        problems.push(`${where} Set-Cookie ${name}: Path=${path ?? "(none)"} is not under "${basePath || "/"}"`);
      }
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, { value: pair.slice(name.length + 1), path: path ?? "/" });
    }
    if ((response.headers.get("content-type") ?? "").startsWith("text/html")) {
      for (const { name, value } of urlAttributes(html)) {
        // Only the link generator's result and the way back to the app may point outside the emulator.
        checkUrl(`${where} ${name}`, value, name === "href");
      }
    }
  }

  async function visit(method: "GET" | "POST", path: string, fields?: Record<string, string | string[]>) {
    const url = new URL(path, ORIGIN);
    const cookies = [...jar]
      .filter(([, cookie]) => pathMatches(cookie.path, url.pathname))
      .map(([name, cookie]) => `${name}=${cookie.value}`);
    const headers: Record<string, string> = cookies.length > 0 ? { cookie: cookies.join("; ") } : {};
    let body: URLSearchParams | undefined;
    if (fields) {
      body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
      headers.origin = ORIGIN;
    }
    const response = await fetcher(new Request(url, { method, headers, body }));
    const html = await response.text();
    record(`${method} ${url.pathname}${url.search}`, response, html);
    return { status: response.status, location: response.headers.get("location"), html } satisfies Visit;
  }

  return {
    get: (path: string) => visit("GET", path),
    post: (path: string, fields: Record<string, string | string[]>) => visit("POST", path, fields),
    /** Follows same-origin redirects until a page answers. */
    async follow(first: Visit): Promise<Visit> {
      let current = first;
      for (let hops = 0; current.location && new URL(current.location, ORIGIN).origin === ORIGIN; hops += 1) {
        if (hops > 5) throw new Error(`Too many redirects, last to ${current.location}`);
        current = await visit("GET", current.location);
      }
      return current;
    },
    problems,
    cookieNames: () => [...jar.keys()],
  };
}
