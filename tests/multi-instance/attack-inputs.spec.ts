import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import pg from "pg";
import { EMULATOR_CLIENT_ID } from "../../config/emulator-defaults";
import { devToolsActionSchema } from "../../lib/dev-tools/action-schema";
import { PROXY_URL } from "./ports";
import { tryTheDemo } from "../e2e/demo-visit";

// Generated bad input to every boundary a stranger reaches on the public demo (the Deploy button's configuration,
// two instances on one Postgres): at least RUNS inputs each, from a fixed seed so a failure replays. Each must be
// answered below 500 and write nothing: the row counts of the emulator's and the app's tables stay the same
// (leases, rate limits and the open page's stream slot may move; transfers and webhooks are due work of earlier tests).
const RUNS = 200;
const SEED = 17_2026;
const MOVING_TABLES = /lease|limit|stream_slots|^transfers$|^webhook_(events|deliveries)$/;

async function rowCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: process.env.MULTI_DATABASE_URL });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      if (MOVING_TABLES.test(name)) continue;
      const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${name}"`);
      counts[name] = rows[0]!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

const nasty = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "",
    "//evil.example",
    "https://evil.example/x",
    "javascript:alert(1)",
    "%00",
    "%2e%2e%2f",
    "../../etc/passwd",
    "' OR 1=1 --",
    "null",
    "[]",
    "{}",
    "-1",
    "1e309",
    "NaN",
    "\u0000",
    "𝕏".repeat(50),
    EMULATOR_CLIENT_ID,
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const junkQuery = fc.dictionary(
  fc.oneof(
    fc.constantFrom("callbackUrl", "client_id", "redirect_uri", "state", "response_type", "scope", "code", "error"),
    fc.string({ maxLength: 12 }),
  ),
  nasty,
  { maxKeys: 6 },
);
const junkBody = fc.oneof(
  nasty,
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
);
const contentType = fc.constantFrom(
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=----x",
  "application/octet-stream",
  "",
);
const junkHeaderValue = fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE");
/** A different visitor address per input, so the per-address limits never turn bad input into a 429 wall. */
const clientIp = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `203.0.${a}.${b}`);

const withQuery = (path: string, query: Record<string, string>) => {
  const url = new URL(path, PROXY_URL);
  for (const [key, value] of Object.entries(query)) url.searchParams.append(key, value);
  return `${url.pathname}${url.search}`;
};

type Attempt = { method: string; path: string; headers: Record<string, string>; body?: string };

async function send(request: APIRequestContext, attempt: Attempt): Promise<APIResponse> {
  const headers = Object.fromEntries(Object.entries(attempt.headers).filter(([, value]) => value !== ""));
  return request.fetch(attempt.path, {
    method: attempt.method,
    headers,
    data: attempt.method === "GET" || attempt.method === "HEAD" ? undefined : (attempt.body ?? ""),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

async function expectNoFailureNorWrite(request: APIRequestContext, inputs: fc.Arbitrary<Attempt>) {
  const before = await rowCounts();
  await fc.assert(
    fc.asyncProperty(inputs, async (attempt) => {
      const response = await send(request, attempt);
      const shown = `${attempt.method} ${attempt.path.slice(0, 200)} ${JSON.stringify(attempt.headers).slice(0, 300)} body ${JSON.stringify(attempt.body ?? "").slice(0, 200)}`;
      expect(response.status(), shown).toBeLessThan(500);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // A table the app creates on first use (lib/db/app-tables.ts) may appear meanwhile: empty, it is no write.
  const changed = Object.entries(await rowCounts()).filter(([table, rows]) => rows !== (before[table] ?? 0));
  expect(changed, "tables whose row count moved").toEqual([]);
}

const attempt = (
  paths: fc.Arbitrary<string>,
  extraHeaders: fc.Arbitrary<Record<string, string>> = fc.constant({}),
  methods: fc.Arbitrary<string> = method,
) =>
  fc
    .record({
      method: methods,
      path: paths,
      contentType,
      ip: clientIp,
      extra: extraHeaders,
      body: junkBody,
      cookie: fc.option(
        fc.constantFrom("authjs.callback-url", "__Secure-authjs.callback-url", "authjs.session-token"),
        {
          nil: undefined,
        },
      ),
      cookieValue: nasty,
    })
    .map(({ method: verb, path, contentType: type, ip, extra, body, cookie, cookieValue }): Attempt => ({
      method: verb,
      path,
      body,
      headers: {
        "content-type": type,
        "x-test-client-ip": ip,
        ...(cookie ? { cookie: `${cookie}=${encodeURIComponent(cookieValue)}` } : {}),
        ...extra,
      },
    }));

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

test(`Auth.js routes (/api/auth/*): ${RUNS} bad inputs, no 5xx, no writes`, async ({ request }) => {
  const paths = fc
    .tuple(
      fc.constantFrom("signin", "signin/astra", "signout", "callback/astra", "session", "csrf", "providers", "error"),
      junkQuery,
    )
    .map(([route, query]) => withQuery(`/api/auth/${route}`, query));
  await expectNoFailureNorWrite(request, attempt(paths));
});

test(`server actions: ${RUNS} bad inputs, no 5xx, no writes`, async ({ request }) => {
  const home = await (await request.get("/")).text();
  // A bound action names its id in the RSC payload, an unbound one (Try the demo) in a hidden field.
  const ids = [...home.matchAll(/&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;|\$ACTION_ID_([0-9a-f]{20,})/g)].map(
    (match) => (match[1] ?? match[2])!,
  );
  expect(ids.length, "the home page's forms name their server actions").toBeGreaterThan(0);
  const headers = fc.record({
    "next-action": fc.oneof(fc.constantFrom(...ids), junkHeaderValue),
    origin: fc.oneof(fc.constant(PROXY_URL), fc.constantFrom("https://evil.example", "null", ""), junkHeaderValue),
  });
  const paths = fc.constantFrom("/", "/signin", "/dashboard", "/routines/new", "/test-user");
  // Valid argument lists are not bad input: they would start a real sign-in.
  const bad = attempt(paths, headers, fc.constant("POST")).filter(
    (a) => a.body !== "[]" && !/^\[.*\]$/s.test(a.body ?? ""),
  );
  await expectNoFailureNorWrite(request, bad);
});

test(`/api/dev-tools, signed out and signed in: ${RUNS} bad inputs each, no 5xx, no writes`, async ({
  request,
  page,
}) => {
  const headers = fc.record({
    origin: fc.oneof(fc.constant(PROXY_URL), fc.constantFrom("https://evil.example", "null", "")),
  });
  await expectNoFailureNorWrite(request, attempt(fc.constant("/api/dev-tools"), headers));

  await tryTheDemo(page);
  const signedIn = page.request;
  const notAnAction = fc.jsonValue().filter((value) => !devToolsActionSchema.safeParse(value).success);
  const actions = fc.record({ value: notAnAction, ip: clientIp }).map(({ value, ip }): Attempt => ({
    method: "POST",
    path: "/api/dev-tools",
    body: JSON.stringify(value) ?? "null",
    headers: { origin: PROXY_URL, "content-type": "application/json", "x-test-client-ip": ip },
  }));
  await expectNoFailureNorWrite(signedIn, actions);
});

test(`the emulator's module (/emulator/login/oauth/authorize): ${RUNS} bad inputs, no 5xx, no writes`, async ({
  request,
}) => {
  // Never this app's own client with a redirect back to it: that is a real sign-in, not bad input.
  const query = junkQuery.filter((q) => q["client_id"] !== EMULATOR_CLIENT_ID);
  const paths = fc
    .tuple(
      fc.constantFrom("/emulator/login/oauth/authorize", "/emulator/login/oauth/authorize/x", "/emulator/verify"),
      query,
    )
    .map(([path, q]) => withQuery(path, q));
  await expectNoFailureNorWrite(request, attempt(paths));
});

test(`the emulator's API (/emulator/v1/*): ${RUNS} bad inputs, no 5xx, no writes`, async ({ request }) => {
  const paths = fc
    .tuple(
      fc.constantFrom("accounts", "routines", "transfers", "user", "user_intent", "oauth/token", "routines/x", "nope"),
      junkQuery,
    )
    .map(([route, q]) => withQuery(`/emulator/v1/${route}`, q));
  const auth = fc.record({
    authorization: fc.oneof(
      junkHeaderValue.map((value) => `Bearer ${value}`),
      junkHeaderValue.map((value) => `Basic ${Buffer.from(`${EMULATOR_CLIENT_ID}:${value}`).toString("base64")}`),
      junkHeaderValue,
    ),
    "idempotency-key": junkHeaderValue,
  });
  await expectNoFailureNorWrite(request, attempt(paths, auth));
});

test(`the emulator's control API (/emulator/sandbox/*): ${RUNS} bad inputs, no 5xx, no writes`, async ({ request }) => {
  const paths = fc
    .tuple(
      fc.constantFrom("reset", "clock", "clock/advance", "faults", "maintenance", "visitors", "users/x/status", "x"),
      junkQuery,
    )
    .map(([route, q]) => withQuery(`/emulator/sandbox/${route}`, q));
  const auth = fc.record({
    authorization: fc.oneof(
      junkHeaderValue.map((value) => `Basic ${Buffer.from(`${EMULATOR_CLIENT_ID}:${value}`).toString("base64")}`),
      junkHeaderValue,
    ),
  });
  await expectNoFailureNorWrite(request, attempt(paths, auth));
});

test(`the webhook receiver and the cron route: ${RUNS} bad inputs each, no 5xx, no writes`, async ({ request }) => {
  const signature = fc.record({ "astra-verification": junkHeaderValue });
  await expectNoFailureNorWrite(request, attempt(fc.constant("/api/webhooks/astra"), signature, fc.constant("POST")));
  const authorization = fc.record({
    authorization: fc.oneof(
      junkHeaderValue,
      junkHeaderValue.map((v) => `Bearer ${v}`),
    ),
  });
  await expectNoFailureNorWrite(request, attempt(fc.constant("/api/cron/emulator"), authorization));
});
