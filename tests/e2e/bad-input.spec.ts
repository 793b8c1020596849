import http from "node:http";
import fc from "fast-check";
import { expect, test } from "./fixtures";
import { APP_URL, EMULATOR_URL } from "./ports";

// Generated bad input, over HTTP against `next start`, to the route handlers whose behaviour depends on the
// session cookie and on proxy.ts (which a direct call in vitest would skip): never a 5xx, a redirect only to
// this app or to Astra's module, and a refusal that names what was wrong. The webhook receiver, the server
// actions' parsers and the transfers route's status check are driven in-process too (tests/unit/bad-input-*).
const RUNS = 200;

const junkParams = fc.dictionary(
  fc.oneof(
    fc.constantFrom("status", "callbackUrl", "returnTo", "state", "next", "redirect_uri", "page"),
    fc.string({ maxLength: 10 }),
  ),
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      "//evil.example",
      "/.//evil.example",
      "https://evil.example/x",
      "javascript:alert(1)",
      "%2e%2e//evil.example",
    ),
  ),
  { maxKeys: 4 },
);

const withParams = (pathname: string, params: Record<string, string>) => {
  const url = new URL(pathname, APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
};

test.describe("route handlers with generated bad input", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test(`/verify and /accounts/link: never 5xx, never an off-site redirect (${RUNS} runs each)`, async ({ page }) => {
    test.setTimeout(180_000);
    const allowedOrigins = new Set([new URL(APP_URL).origin, new URL(EMULATOR_URL).origin]);
    for (const route of ["/verify", "/accounts/link"]) {
      await fc.assert(
        fc.asyncProperty(junkParams, async (params) => {
          const response = await page.request.get(withParams(route, params), { maxRedirects: 0 });
          expect(response.status(), route).toBeLessThan(500);
          const location = response.headers()["location"];
          if (location) expect(allowedOrigins.has(new URL(location, APP_URL).origin), location).toBe(true);
        }),
        { numRuns: RUNS },
      );
    }
  });

  test(`/api/astra/transfers: an unknown status is a 400 that names it (${RUNS} runs)`, async ({ page }) => {
    test.setTimeout(120_000);
    const known = ["pending", "processed", "failed", "cancelled", "canceled"];
    await fc.assert(
      fc.asyncProperty(junkParams, async (params) => {
        const response = await page.request.get(withParams("/api/astra/transfers", params));
        expect(response.status()).toBeLessThan(500);
        const status = params["status"];
        if (status !== undefined && status !== "" && !known.includes(status)) {
          expect(response.status()).toBe(400);
          expect((await response.json()).error).toMatchObject({ field: "status" });
        } else {
          expect(response.status()).toBe(200);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test(`/api/astra/events: junk queries and headers open a stream or are refused, never 5xx (${RUNS} runs)`, async ({
    context,
  }) => {
    test.setTimeout(120_000);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const lastEventId = fc.option(
      fc.string({ maxLength: 30 }).filter((s) => !/[\r\n\0]/.test(s)),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(junkParams, lastEventId, async (params, eventId) => {
        const abort = new AbortController();
        const headers: Record<string, string> = { cookie, accept: "text/event-stream" };
        if (eventId !== undefined) headers["last-event-id"] = eventId;
        const response = await fetch(new URL(withParams("/api/astra/events", params), APP_URL), {
          headers,
          signal: abort.signal,
        });
        abort.abort(); // headers are enough; leaving the stream open would count against the per-user cap
        // 429 when earlier streams are not yet counted out: the cap, not a failure.
        expect([200, 429]).toContain(response.status);
        if (response.status === 200) expect(response.headers.get("content-type")).toBe("text/event-stream");
      }),
      { numRuns: RUNS },
    );
    // Signed out: refused with a message, not a stream.
    const signedOut = await fetch(new URL("/api/astra/events", APP_URL));
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error).toMatch(/Sign in/);
  });
});

// Input Auth.js and Next.js parse before the app's code runs: each of these answered 500 until proxy.ts
// (lib/http/framework-input.ts) refused it first.
test.describe("the framework's own input", () => {
  // A real action's id (an unknown one is refused before its body is read): the home page's sign-in form
  // carries it in a hidden field.
  let ACTION_HEADERS: Record<string, string>;
  test.beforeAll(async ({ request }) => {
    const home = await (await request.get("/")).text();
    const id = /name="\$ACTION_\d+:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(home)?.[1];
    expect(id, "the home page's form names its server action").toBeTruthy();
    ACTION_HEADERS = { "next-action": id!, origin: APP_URL };
  });

  const MALFORMED_MULTIPART = '------x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno closing boundary';

  for (const callbackUrl of ["not a url", "https://evil.example/", "//evil.example/x", "javascript:alert(1)"]) {
    test(`Auth.js with callbackUrl=${JSON.stringify(callbackUrl)} is a 400`, async ({ request }) => {
      for (const path of ["/api/auth/signin", "/api/auth/signin/astra", "/api/auth/signout"]) {
        const response = await request.get(`${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
          maxRedirects: 0,
        });
        expect(response.status(), path).toBe(400);
        expect((await response.json()).error.message).toMatch(/callbackUrl/);
      }
    });
  }

  test("a callback-url cookie that is not a URL on this site is dropped, not a 500", async ({ request }) => {
    for (const name of ["authjs.callback-url", "__Secure-authjs.callback-url"]) {
      for (const path of ["/api/auth/session", "/api/auth/signin/astra", "/api/auth/providers"]) {
        const response = await request.get(path, {
          headers: { cookie: `${name}=${encodeURIComponent("not a url")}` },
          maxRedirects: 0,
        });
        expect(response.status(), `${path} with ${name}`).toBeLessThan(500);
        const cleared = response.headersArray().find((h) => h.name === "set-cookie" && h.value.startsWith(`${name}=;`));
        expect(cleared, `${path} clears ${name}`).toBeTruthy();
      }
    }
  });

  test("a server action posted from another site is a 403", async ({ request }) => {
    const response = await request.post("/", {
      headers: { ...ACTION_HEADERS, origin: "https://evil.example", "content-type": "text/plain" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
  });

  test("a server action with a malformed multipart body is a 400, with or without its Next-Action header", async ({
    request,
  }) => {
    for (const headers of [ACTION_HEADERS, { origin: APP_URL }]) {
      for (const contentType of ["multipart/form-data; boundary=----x", "multipart/form-data"]) {
        const response = await request.post("/", {
          headers: { ...headers, "content-type": contentType },
          data: MALFORMED_MULTIPART,
        });
        expect(response.status(), `${contentType} ${JSON.stringify(headers)}`).toBe(400);
        expect((await response.json()).error.message).toMatch(/multipart/);
      }
    }
  });

  test("a server action body over 1 MB is a 413; one sent chunked, without a length, a 411", async ({ request }) => {
    const declared = await request.post("/", {
      headers: { ...ACTION_HEADERS, "content-type": "text/plain" },
      data: "a".repeat(1024 * 1024 + 1),
    });
    expect(declared.status()).toBe(413);

    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = http.request(
        new URL("/", APP_URL),
        {
          method: "POST",
          headers: { ...ACTION_HEADERS, "content-type": "text/plain", "transfer-encoding": "chunked" },
        },
        (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        },
      );
      outgoing.on("error", reject);
      outgoing.end("[]");
    });
    expect(status).toBe(411);
  });

  test("a server action whose arguments are not JSON is a 400", async ({ request }) => {
    const response = await request.post("/", {
      headers: { ...ACTION_HEADERS, "content-type": "text/plain" },
      data: "not json",
    });
    expect(response.status()).toBe(400);
  });
});
