// The hosted demo's sign-in: a visitor is whoever holds the one-use token POST /sandbox/visitors minted, never
// whoever knows a phone number. In the public demo that token is the only way in (packages/astra-emulator/docs/identity.md).
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createManualClock } from "../src/lib/clock";
import { VISITOR_TOKEN_TTL_MS } from "../src/lib/lifetimes";
import { VISITOR_FIRST_NAMES, VISITOR_LAST_NAMES } from "../src/lib/visitor-name";
import { freshStorePlace, type TestStorePlace } from "./support/test-store";
import { createFuzzEmulator, RUNS } from "./fuzz-helpers";
import {
  authorizeUrl,
  basicAuth,
  DEFAULT_APP,
  SEED_USER_PHONE,
  exchangeCode,
  getWithToken,
  postForm,
  REDIRECT_URI,
  sessionIdFrom,
} from "./helpers";

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

/** One number read straight from the database behind the store, on either engine. */
async function countRows(place: TestStorePlace, file: string, query: string): Promise<number> {
  if (place.url) {
    const pool = new pg.Pool({ connectionString: place.url, max: 1 });
    pools.push(pool);
    const { rows } = await pool.query<{ n: string }>(query.replace("COUNT(*)", "COUNT(*) AS n"));
    return Number(rows[0]?.n);
  }
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(query).pluck().get());
  } finally {
    db.close();
  }
}

function createDemo({ publicDemo = true } = {}) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "visitor-sign-in-")), "astra.db");
  const place = freshStorePlace(file);
  const store = place.open();
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const app = createApp({
    store,
    clock,
    visitorScope: true,
    hosted: { ownOrigins: () => [], publicDemo, clientId: DEFAULT_APP.clientId },
  });
  const count = (query: string) => countRows(place, file, query);
  return { store, clock, app, count };
}
type Demo = ReturnType<typeof createDemo>;

interface MintedVisitor {
  user_id: string;
  phone: string;
  sign_in_token: string;
}

async function mintVisitor(demo: Demo, clientIp = "203.0.113.7") {
  const response = await demo.app.request("/sandbox/visitors", {
    method: "POST",
    headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
    body: JSON.stringify({ client_ip: clientIp }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return { visitor: JSON.parse(text) as MintedVisitor, text };
}

const withToken = (token: string, extra: Record<string, string> = {}) =>
  authorizeUrl({ visitor_token: token, state: "s1", ...extra });

/** The token's GET, then the redirect it answers with, as a browser would: the consent page, with the cookie. */
async function openWithToken(demo: Demo, token: string) {
  const first = await demo.app.request(withToken(token));
  expect(first.status, await first.clone().text()).toBe(302);
  const location = first.headers.get("location") ?? "";
  const cookie = /astra_sandbox_login=[^;]+/.exec(first.headers.get("set-cookie") ?? "")?.[0] ?? "";
  const consent = await demo.app.request(location, { headers: { Cookie: cookie } });
  return { location, cookie, consent, html: await consent.text() };
}

const rowsWritten = (demo: Demo) =>
  Promise.all([
    demo.count("SELECT COUNT(*) FROM module_sessions"),
    demo.count("SELECT COUNT(*) FROM users"),
    demo.count("SELECT COUNT(*) FROM authorization_codes"),
  ]);

async function expectRefused(demo: Demo, response: Response, before: number[]) {
  expect(response.status).toBe(403);
  expect(response.headers.get("location")).toBeNull();
  expect(response.headers.get("set-cookie")).toBeNull();
  expect(await response.text()).toContain("Start from Try the demo");
  expect(await rowsWritten(demo)).toEqual(before);
}

describe("POST /sandbox/visitors", () => {
  it("answers a random one-use token, stores only its SHA-256 hash and no fixed code", async () => {
    const demo = createDemo();
    const { visitor, text } = await mintVisitor(demo);
    const other = (await mintVisitor(demo)).visitor;
    expect(visitor.sign_in_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.sign_in_token).not.toBe(visitor.sign_in_token);
    expect(text).not.toContain("123456");
    expect(text).not.toContain("verification_code");
    const hash = createHash("sha256").update(visitor.sign_in_token).digest("hex");
    expect(
      await demo.count(`SELECT COUNT(*) FROM visitors WHERE user_id = '${visitor.user_id}' AND token_hash = '${hash}'`),
    ).toBe(1);
    expect(await demo.count(`SELECT COUNT(*) FROM visitors WHERE token_hash = '${visitor.sign_in_token}'`)).toBe(0);
  });

  it("names the visitor like a person, from the name lists", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    const user = await demo.store.users.findById(visitor.user_id);
    expect(VISITOR_FIRST_NAMES).toContain(user?.firstName);
    expect(VISITOR_LAST_NAMES).toContain(user?.lastName);
  });
});

describe("the public demo's module", () => {
  it("signs a token's visitor in straight to consent, strips the token from the URL, and authorizes them", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    const { location, consent, html } = await openWithToken(demo, visitor.sign_in_token);
    expect(location).not.toContain("visitor_token");
    expect(location).not.toContain(visitor.sign_in_token);
    expect(new URL(location, "http://x").searchParams.get("state")).toBe("s1");
    expect(consent.status).toBe(200);
    expect(html).toContain("wants to access your Astra account");
    expect(html).not.toContain('name="phone"');
    expect(html).not.toContain('name="code"');

    const done = await postForm(demo.app, "/login/oauth/authorize/consent", {
      session_id: sessionIdFrom(html),
      decision: "authorize",
    });
    const code = new URL(done.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const tokens = (await (await exchangeCode(demo.app, code)).json()) as { access_token: string };
    const me = (await (await getWithToken(demo.app, "/v1/user", tokens.access_token)).json()) as { id: string };
    expect(me.id).toBe(visitor.user_id);
  });

  it("refuses a used token the second time, writing nothing", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    await openWithToken(demo, visitor.sign_in_token);
    const before = await rowsWritten(demo);
    await expectRefused(demo, await demo.app.request(withToken(visitor.sign_in_token)), before);
  });

  it("forgets the login cookie with its visitor at the 24-hour cleanup, before the phone can be reused", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    const { cookie, location } = await openWithToken(demo, visitor.sign_in_token);
    await demo.store.visitors.deleteCreatedBefore(demo.clock.now());
    const before = await rowsWritten(demo);
    await expectRefused(demo, await demo.app.request(location, { headers: { Cookie: cookie } }), before);
  });

  it("leaves the token unspent when signing in fails after it was checked", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    const { startLogin } = demo.store.moduleSessions;
    demo.store.moduleSessions.startLogin = async () => {
      throw new Error("the database went away");
    };
    expect((await demo.app.request(withToken(visitor.sign_in_token))).status).toBe(500);
    demo.store.moduleSessions.startLogin = startLogin;
    const { html } = await openWithToken(demo, visitor.sign_in_token);
    expect(html).toContain("wants to access your Astra account");
  });

  it("lets exactly one of two parallel uses of a token through", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    const answers = await Promise.all([
      demo.app.request(withToken(visitor.sign_in_token)),
      demo.app.request(withToken(visitor.sign_in_token)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 403]);
  });

  it("refuses a token older than its lifetime, writing nothing", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    demo.clock.advance(VISITOR_TOKEN_TTL_MS + 1);
    const before = await rowsWritten(demo);
    await expectRefused(demo, await demo.app.request(withToken(visitor.sign_in_token)), before);
  });

  it.each([
    ["no token", authorizeUrl()],
    ["an unknown token", withToken("A".repeat(43))],
    ["a malformed token", withToken("not a token")],
    ["the seed user's phone", authorizeUrl({ phone: SEED_USER_PHONE })],
  ])("answers %s with a 403 page and writes no row", async (_, url) => {
    const demo = createDemo();
    await mintVisitor(demo);
    const before = await rowsWritten(demo);
    await expectRefused(demo, await demo.app.request(url), before);
  });

  it("has no phone, code or profile step, so a known phone and 123456 sign no one in", async () => {
    const demo = createDemo();
    const victim = (await mintVisitor(demo)).visitor;
    const attacker = (await mintVisitor(demo, "198.51.100.1")).visitor;
    const { html } = await openWithToken(demo, attacker.sign_in_token);
    const session_id = sessionIdFrom(html);
    const before = await rowsWritten(demo);
    for (const [step, fields] of [
      ["phone", { phone: victim.phone }],
      ["code", { code: "123456" }],
      ["profile", { first_name: "A", last_name: "B", email: "a@example.com" }],
    ] as const) {
      const response = await postForm(demo.app, `/login/oauth/authorize/${step}`, { session_id, ...fields });
      await expectRefused(demo, response, before);
    }
  });

  it("starts bank linking only for a visitor the login cookie names", async () => {
    const demo = createDemo();
    const { visitor } = await mintVisitor(demo);
    const url = `/institutions/connect?${new URLSearchParams({
      client_id: DEFAULT_APP.clientId,
      redirect_uri: REDIRECT_URI,
      user_id: visitor.user_id,
    })}`;
    const before = await rowsWritten(demo);
    await expectRefused(demo, await demo.app.request(url), before);
  });
});

describe("the public demo's module under generated bad sign-in links", () => {
  it("answers every one with a 403 or 400 page and writes nothing", async () => {
    const sandbox = createFuzzEmulator({
      visitorScope: true,
      hosted: { ownOrigins: () => [], publicDemo: true, clientId: DEFAULT_APP.clientId },
    });
    try {
      await sandbox.store.apps.findByClientId(DEFAULT_APP.clientId); // the seed is written on first use
      const before = await sandbox.fingerprint();
      const cases = fc.record({
        visitor_token: fc.option(fc.oneof(fc.string({ maxLength: 60 }), fc.base64String({ maxLength: 60 })), {
          nil: undefined,
        }),
        phone: fc.option(fc.stringMatching(/^\d{10}$/), { nil: undefined }),
        state: fc.option(fc.string({ maxLength: 600 }), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(cases, async (bad) => {
          const query = Object.fromEntries(Object.entries(bad).filter(([, value]) => value !== undefined));
          const response = await sandbox.app.request(authorizeUrl(query as Record<string, string>));
          expect([400, 403], JSON.stringify(bad)).toContain(response.status);
          expect(await sandbox.fingerprint(), JSON.stringify(bad)).toBe(before);
        }),
        RUNS,
      );
    } finally {
      await sandbox.close();
    }
  });
});

describe("outside the public demo (a hosted demo on a developer's machine)", () => {
  it("keeps the sandbox's phone and code sign-in, and takes the token too", async () => {
    const demo = createDemo({ publicDemo: false });
    const { visitor } = await mintVisitor(demo);
    const start = await demo.app.request(authorizeUrl());
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('name="phone"');
    const { html } = await openWithToken(demo, visitor.sign_in_token);
    expect(html).toContain("wants to access your Astra account");
  });
});

describe("fields the module stores", () => {
  it.each([
    ["state", { state: "s".repeat(513) }],
    ["redirect_uri", { redirect_uri: `${REDIRECT_URI}?${"r".repeat(2048)}` }],
  ])("refuses a %s over its bound with a 400 before storing anything", async (field, query) => {
    const demo = createDemo({ publicDemo: false });
    await demo.store.apps.findByClientId(DEFAULT_APP.clientId); // the seed is written on first use
    const before = await rowsWritten(demo);
    const response = await demo.app.request(authorizeUrl(query));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`${field} must be at most`);
    expect(await rowsWritten(demo)).toEqual(before);
  });

  it("takes a state of exactly 512 characters", async () => {
    const demo = createDemo({ publicDemo: false });
    expect((await demo.app.request(authorizeUrl({ state: "s".repeat(512) }))).status).toBe(200);
  });
});
