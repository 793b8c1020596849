// What a stranger can make in the hosted demo (visitor scope) is bounded, counted in the database per address
// key (an IPv6 /64 is one client): users by any path, open module sessions, active faults, webhook events; and the
// purges on insert go through an index, on SQLite and on Postgres.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createManualClock } from "../src/lib/clock";
import { VISITOR_LIMITS } from "../src/routes/control/control-visitors";
import { SANDBOX_USER_HEADER } from "../src/routes/control/visitor-scope";
import { MAX_EVENTS_PER_USER, recordEvent } from "../src/store/events";
import { createFaultsStore, MAX_ACTIVE_FAULTS } from "../src/store/faults";
import { MAX_OPEN_SESSIONS_PER_ADDRESS } from "../src/store/module-sessions";
import type { Sql } from "../src/store/sql/port";
import { postgresSql } from "../src/store/sql/postgres";
import { sqliteSql } from "../src/store/sql/sqlite";
import { freshStorePlace } from "./support/test-store";
import { authorizeUrl, basicAuth, DEFAULT_APP, intentBody, postForm, sessionIdFrom } from "./helpers";

const IP_HEADER = "x-test-client-ip";
const ADDRESS = "2001:db8:7:7::1";

function hostedEmulator() {
  const place = freshStorePlace();
  const store = place.open();
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const clientAddress = (request: Request) => request.headers.get(IP_HEADER) ?? "192.0.2.1";
  const app = createApp({ store, clock, visitorScope: true, clientAddress });
  return { store, clock, app, place };
}
type Hosted = ReturnType<typeof hostedEmulator>;

const createVisitor = ({ app }: Hosted, clientIp: string) =>
  app.request("/sandbox/visitors", {
    method: "POST",
    headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
    body: JSON.stringify({ client_ip: clientIp }),
  });

async function useUpUserBudget(sandbox: Hosted, clientIp = ADDRESS) {
  for (let i = 0; i < VISITOR_LIMITS.perIp; i += 1) expect((await createVisitor(sandbox, clientIp)).status).toBe(201);
}

/** Opens the module from `ip` and signs in with a test phone: the page that follows the code step. */
async function moduleToCodeStep({ app }: Hosted, ip: string, phone: string, query: Record<string, string> = {}) {
  const headers = { [IP_HEADER]: ip };
  const start = await app.request(authorizeUrl(query), { headers });
  expect(start.status).toBe(200);
  const session_id = sessionIdFrom(await start.text());
  expect((await postForm(app, "/login/oauth/authorize/phone", { session_id, phone }, headers)).status).toBe(200);
  const code = await postForm(app, "/login/oauth/authorize/code", { session_id, code: "123456" }, headers);
  return { session_id, headers, code };
}

async function userCount({ store }: Hosted, phone: string) {
  return (await store.users.findByPhone(DEFAULT_APP.clientId, phone)) ? 1 : 0;
}

describe("users a stranger makes", () => {
  it("share one budget per /64: addresses of one IPv6 prefix cannot each make ten visitors", async () => {
    const sandbox = hostedEmulator();
    await useUpUserBudget(sandbox, "2001:db8:7:7::1");
    const response = await createVisitor(sandbox, "2001:db8:7:7:dead:beef:0:2");
    expect(response.status).toBe(429);
    expect((await createVisitor(sandbox, "2001:db8:7:8::1")).status).toBe(201);
  });

  it("the module's profile step counts against the address's budget: 429 and no user once it is used up", async () => {
    const sandbox = hostedEmulator();
    await useUpUserBudget(sandbox);
    const phone = "2025550177";
    const { session_id, headers } = await moduleToCodeStep(sandbox, ADDRESS, phone);
    const profile = { session_id, first_name: "Sam", last_name: "Squat", email: "sam@example.com" };
    const response = await postForm(sandbox.app, "/login/oauth/authorize/profile", profile, headers);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await userCount(sandbox, phone)).toBe(0);

    // Another client still can, and the user it makes goes at the 24-hour cleanup.
    const other = await moduleToCodeStep(sandbox, "198.51.100.9", phone);
    const retry = { ...profile, session_id: other.session_id };
    const made = await postForm(sandbox.app, "/login/oauth/authorize/profile", retry, other.headers);
    expect(made.status).toBe(200);
    expect(await userCount(sandbox, phone)).toBe(1);
    await sandbox.store.visitors.deleteCreatedBefore(sandbox.clock.now());
    expect(await userCount(sandbox, phone)).toBe(0);
  });

  it("a user intent converted at the code step counts too: 429, and the intent stays unconverted", async () => {
    const sandbox = hostedEmulator();
    const phone = "2025550178";
    const intent = await sandbox.app.request("/v1/user_intent", {
      method: "POST",
      headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
      body: JSON.stringify(intentBody({ phone: `+1${phone}` })),
    });
    expect(intent.status).toBe(201);
    const { id } = (await intent.json()) as { id: string };
    await useUpUserBudget(sandbox);
    const { code } = await moduleToCodeStep(sandbox, ADDRESS, phone, { user_intent_id: id, phone });
    expect(code.status).toBe(429);
    expect(await userCount(sandbox, phone)).toBe(0);
    expect((await sandbox.store.userIntents.findForClient(DEFAULT_APP.clientId, id))?.status).not.toBe(
      "converted_to_user",
    );
  });
});

describe("user intents a stranger makes", () => {
  it("are capped per address (429, nothing written) and unconverted ones go at the 24-hour cleanup", async () => {
    const sandbox = hostedEmulator();
    const create = (ip: string, n: number) =>
      sandbox.app.request("/v1/user_intent", {
        method: "POST",
        headers: { Authorization: basicAuth(), "Content-Type": "application/json", [IP_HEADER]: ip },
        body: JSON.stringify(
          intentBody({ email: `squat-${n}@example.com`, phone: `+120255501${String(n).padStart(2, "0")}` }),
        ),
      });
    const ids: string[] = [];
    for (let i = 0; i < VISITOR_LIMITS.perIp; i += 1) {
      const response = await create(ADDRESS, i);
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const refused = await create("2001:db8:7:7::abcd", 50);
    expect(refused.status).toBe(429);
    expect(await sandbox.store.dashboard.listIntents(DEFAULT_APP.clientId)).toHaveLength(VISITOR_LIMITS.perIp);
    expect((await create("203.0.113.70", 51)).status).toBe(201);

    await sandbox.store.visitors.deleteCreatedBefore(sandbox.clock.now());
    expect(await sandbox.store.userIntents.findForClient(DEFAULT_APP.clientId, ids[0]!)).toBeNull();
  });
});

describe("module sessions", () => {
  it(`one address holds at most ${MAX_OPEN_SESSIONS_PER_ADDRESS} open sign-ins; the next is a 429, others go on`, async () => {
    const { app } = hostedEmulator();
    const open = (ip: string) => app.request(authorizeUrl({ state: "s" }), { headers: { [IP_HEADER]: ip } });
    for (let i = 0; i < MAX_OPEN_SESSIONS_PER_ADDRESS; i += 1)
      expect((await open(`2001:db8:9:9::${i}`)).status).toBe(200);
    const refused = await open("2001:db8:9:9::ffff");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1800");
    expect((await open("203.0.113.50")).status).toBe(200);
  });
});

describe("faults", () => {
  it(`a visitor holds at most ${MAX_ACTIVE_FAULTS} active faults (409); clearing them makes room`, async () => {
    const sandbox = hostedEmulator();
    const visitor = (await (await createVisitor(sandbox, "203.0.113.60")).json()) as { user_id: string };
    const call = (method: string) =>
      sandbox.app.request("/sandbox/faults", {
        method,
        headers: {
          Authorization: basicAuth(),
          "Content-Type": "application/json",
          [SANDBOX_USER_HEADER]: visitor.user_id,
        },
        body:
          method === "POST"
            ? JSON.stringify({ method: "GET", path: "/v1/accounts", status: 503, count: 1 })
            : undefined,
      });
    for (let i = 0; i < MAX_ACTIVE_FAULTS; i += 1) expect((await call("POST")).status).toBe(201);
    const refused = await call("POST");
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { description: string }).description).toMatch(/DELETE \/sandbox\/faults/);
    expect((await call("DELETE")).status).toBe(200);
    expect((await call("POST")).status).toBe(201);
  });
});

/** The engine of this project, raw, after the store made its tables; `transactions` counts write transactions. */
async function rawSql(): Promise<{ sql: Sql; transactions: () => number; explain: (text: string) => Promise<string> }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bounds-")), "store.db");
  const place = freshStorePlace(file);
  const store = place.open();
  await store.apps.findByClientId(DEFAULT_APP.clientId);
  let base: Sql;
  let explain: (text: string) => Promise<string>;
  if (place.url) {
    base = postgresSql(place.url, { max: 2 });
    const url = place.url;
    explain = async (text) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // The tables are tiny: forbid the sequential scan, so only a missing index shows one.
        await client.query("SET enable_seqscan = off");
        const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      } finally {
        await client.end();
      }
    };
  } else {
    await store.close();
    const db = new Database(file);
    db.pragma("foreign_keys = ON");
    base = sqliteSql(db);
    explain = async (text) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all() as { detail: string }[]).map((row) => row.detail).join("\n");
  }
  let count = 0;
  const sql: Sql = {
    ...base,
    dialect: base.dialect,
    transaction: (work) => {
      count += 1;
      return base.transaction(work);
    },
  };
  return { sql, transactions: () => count, explain };
}

describe("the request path with an active fault", () => {
  it("a request no fault matches never opens a write transaction; one that matches does", async () => {
    const { sql, transactions } = await rawSql();
    const faults = createFaultsStore(sql);
    const now = new Date("2026-01-15T17:00:00Z");
    await faults.create(
      DEFAULT_APP.clientId,
      { method: "GET", path: "/v1/routines", status: 503, delayMs: null, count: 5 },
      now,
      "user-a",
    );
    const before = transactions();
    const target = { method: "GET", clientId: DEFAULT_APP.clientId };
    expect(await faults.take({ ...target, path: "/v1/accounts", userId: "user-a" })).toBeNull();
    expect(await faults.take({ ...target, path: "/v1/routines", userId: "user-b" })).toBeNull();
    expect(transactions()).toBe(before);
    expect(await faults.take({ ...target, path: "/v1/routines", userId: "user-a" })).not.toBeNull();
    expect(transactions()).toBe(before + 1);
  });
});

describe("webhook events", () => {
  it(`keep the newest ${MAX_EVENTS_PER_USER} per user`, async () => {
    const { sql } = await rawSql();
    const now = new Date("2026-01-15T17:00:00Z");
    const ids: string[] = [];
    await sql.transaction(async () => {
      for (let i = 0; i < MAX_EVENTS_PER_USER + 3; i += 1) {
        const event = { clientId: DEFAULT_APP.clientId, type: "user_updated" as const, resourceId: "r" };
        ids.push(await recordEvent(sql, { ...event, userId: "user-a" }, now));
      }
      await recordEvent(
        sql,
        { clientId: DEFAULT_APP.clientId, type: "user_updated", resourceId: "r", userId: "user-b" },
        now,
      );
    });
    const kept = await sql
      .prepare<[string], string>("SELECT webhook_id FROM webhook_events WHERE user_id = ? ORDER BY rowid")
      .pluck()
      .all("user-a");
    expect(kept).toEqual(ids.slice(3));
    const others = sql.prepare<[string], number>("SELECT COUNT(*) FROM webhook_events WHERE user_id = ?").pluck();
    expect(await others.get("user-b")).toBe(1);
  });
});

describe("the purges on insert use an index", () => {
  it("module sessions by expiry, and per address; webhook events per user", async () => {
    const { explain } = await rawSql();
    const usesIndex = (plan: string, index: string) => expect(plan, plan).toContain(index);
    usesIndex(await explain("DELETE FROM module_sessions WHERE expires_at <= 5"), "module_sessions_by_expiry");
    usesIndex(await explain("DELETE FROM module_sessions WHERE user_id = 'u'"), "module_sessions_by_user");
    usesIndex(
      await explain("SELECT COUNT(*) FROM module_sessions WHERE address_key = 'k' AND expires_at > 5"),
      "module_sessions_by_address",
    );
    usesIndex(
      await explain("SELECT rowid FROM webhook_events WHERE user_id = 'u' ORDER BY rowid DESC LIMIT 1 OFFSET 500"),
      "webhook_events_by_user",
    );
  });
});
