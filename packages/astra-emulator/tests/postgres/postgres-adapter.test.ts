// The node-postgres adapter (packages/astra-emulator/src/store/sql/postgres.ts) against a real Postgres: placeholders, pluck,
// change counts, transactions, and the write lock that keeps two instances' read-then-write transactions apart.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Sql } from "../../src/store/sql/port";
import { postgresSql, translatePlaceholders } from "../../src/store/sql/postgres";
import { freshSchemaName } from "../support/postgres-test-data";

const url = inject("databaseUrl");
const schema = freshSchemaName();
const open: Sql[] = [];

function instance(options: Parameters<typeof postgresSql>[1] = {}): Sql {
  const sql = postgresSql(url, { schema, ...options });
  open.push(sql);
  return sql;
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  await instance().exec(`
    CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT, amount BIGINT NOT NULL, flag INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE claims (scope TEXT NOT NULL, key TEXT NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (scope, key));
  `);
});

afterAll(async () => {
  await Promise.all(open.map((sql) => sql.close()));
});

describe("placeholders", () => {
  it("numbers ? in order and leaves quoted text and comments alone", () => {
    expect(translatePlaceholders("SELECT '?', \"a?\" FROM t WHERE a = ? -- why?\n AND b = ?").text).toBe(
      "SELECT '?', \"a?\" FROM t WHERE a = $1 -- why?\n AND b = $2",
    );
    expect(translatePlaceholders("SELECT 'it''s ? @x' WHERE a = ?").text).toBe("SELECT 'it''s ? @x' WHERE a = $1");
  });

  it("gives each @name one number, however often it is used", () => {
    expect(translatePlaceholders("WHERE (CAST(@s AS TEXT) IS NULL OR s = @s) AND u = @user_id LIMIT @n")).toEqual({
      text: "WHERE (CAST($1 AS TEXT) IS NULL OR s = $1) AND u = $2 LIMIT $3",
      names: ["s", "user_id", "n"],
    });
  });

  it("binds positional and named parameters", async () => {
    const sql = instance();
    await sql.prepare("INSERT INTO items (id, label, amount) VALUES (?, ?, ?)").run("p1", "it's", 5);
    await sql.prepare("INSERT INTO items (id, label, amount) VALUES (@id, @label, @amount)").run({
      id: "p2",
      label: null,
      amount: 2 ** 40,
    });
    const byLabel = sql.prepare<{ label: string | null }, { id: string }>(
      "SELECT id FROM items WHERE (CAST(@label AS TEXT) IS NULL OR label = @label) AND id LIKE 'p%' ORDER BY id",
    );
    expect(await byLabel.all({ label: "it's" })).toEqual([{ id: "p1" }]);
    expect(await byLabel.all({ label: null })).toEqual([{ id: "p1" }, { id: "p2" }]);
    await expect(byLabel.all({} as { label: string })).rejects.toThrow(/Missing named parameter "label"/);
  });
});

describe("rows", () => {
  it("answers int8 and numeric as numbers: COUNT, SUM and BIGINT columns", async () => {
    const sql = instance();
    await sql.prepare("INSERT INTO items (id, amount) VALUES (?, ?), (?, ?)").run("n1", 2 ** 40, "n2", 7);
    const row = await sql
      .prepare<[string], { n: number; total: number; amount: number }>(
        "SELECT COUNT(*) AS n, SUM(amount) AS total, MAX(amount) AS amount FROM items WHERE id LIKE ?",
      )
      .get("n%");
    expect(row).toEqual({ n: 2, total: 2 ** 40 + 7, amount: 2 ** 40 });
  });

  it("pluck answers the first column; get answers undefined for no row", async () => {
    const sql = instance();
    await sql.prepare("INSERT INTO items (id, amount) VALUES ('k1', 1), ('k2', 2)").run();
    const ids = sql.prepare<[string], string>("SELECT id, amount FROM items WHERE id LIKE ? ORDER BY id").pluck();
    expect(await ids.all("k%")).toEqual(["k1", "k2"]);
    expect(await ids.get("k%")).toBe("k1");
    expect(await ids.get("none%")).toBeUndefined();
    const exists = sql
      .prepare<[string], number>("SELECT CASE WHEN EXISTS (SELECT 1 FROM items WHERE id = ?) THEN 1 ELSE 0 END")
      .pluck();
    expect([await exists.get("k1"), await exists.get("zz")]).toEqual([1, 0]);
  });

  it("run answers how many rows changed", async () => {
    const sql = instance();
    await sql.prepare("INSERT INTO items (id, amount) VALUES ('c1', 1), ('c2', 1), ('c3', 2)").run();
    expect(await sql.prepare("UPDATE items SET flag = 1 WHERE id LIKE 'c%' AND amount = ?").run(1)).toEqual({
      changes: 2,
    });
    expect(await sql.prepare("DELETE FROM items WHERE id = ?").run("nothing")).toEqual({ changes: 0 });
    const insert = sql.prepare("INSERT INTO items (id, amount) VALUES (?, 1) ON CONFLICT DO NOTHING");
    expect([(await insert.run("c1")).changes, (await insert.run("c4")).changes]).toEqual([0, 1]);
  });
});

describe("transactions", () => {
  it("commits when the work resolves and rolls everything back when it throws", async () => {
    const sql = instance();
    const insert = sql.prepare("INSERT INTO items (id, amount) VALUES (?, 1)");
    const count = sql.prepare<[string], number>("SELECT COUNT(*) FROM items WHERE id LIKE ?").pluck();
    await sql.transaction(async () => {
      await insert.run("t1");
      await insert.run("t2");
    });
    await expect(
      sql.transaction(async () => {
        await insert.run("t3");
        expect(await count.get("t%")).toBe(3); // the transaction sees its own write
        await insert.run("t1"); // a duplicate key: the whole transaction goes
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count.get("t%")).toBe(2);
    // The connection went back to the pool clean: the next transaction works.
    await sql.transaction(async () => insert.run("t4"));
    expect(await count.get("t%")).toBe(3);
  });

  it("a nested transaction joins the outer one, and rolls back with it", async () => {
    const sql = instance();
    const insert = sql.prepare("INSERT INTO items (id, amount) VALUES (?, 1)");
    const count = sql.prepare<[string], number>("SELECT COUNT(*) FROM items WHERE id LIKE ?").pluck();
    await expect(
      sql.transaction(async () => {
        await insert.run("j1");
        await sql.transaction(async () => insert.run("j2"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await count.get("j%")).toBe(0);
    const inner = await sql.transaction(async () => {
      await insert.run("j3");
      return sql.transaction(async () => {
        await insert.run("j4");
        return count.get("j%");
      });
    });
    expect(inner).toBe(2);
  });

  it("statements outside a transaction do not join one that is open", async () => {
    const sql = instance();
    const insert = sql.prepare("INSERT INTO items (id, amount) VALUES (?, 1)");
    const count = sql.prepare<[string], number>("SELECT COUNT(*) FROM items WHERE id LIKE ?").pluck();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = sql.transaction(async () => {
      await insert.run("o1");
      await held;
      throw new Error("roll back");
    });
    await insert.run("o2"); // autocommits on another connection while the transaction is open
    release();
    await expect(open).rejects.toThrow("roll back");
    expect(await count.get("o%")).toBe(1);
  });
});

describe("two instances on one database", () => {
  // The idempotency claim's shape (store/idempotency.ts): look for the key, insert it when absent. Under READ
  // COMMITTED two transactions can both see "absent"; the second insert then fails on the primary key.
  async function claim(sql: Sql, key: string, owner: string): Promise<"claimed" | "taken"> {
    return sql.transaction(async () => {
      const row = await sql.prepare("SELECT owner FROM claims WHERE scope = 'race' AND key = ?").get(key);
      if (row) return "taken";
      await sql.prepare("INSERT INTO claims (scope, key, owner) VALUES ('race', ?, ?)").run(key, owner);
      return "claimed";
    });
  }

  async function race(writeLock: boolean, rounds: number) {
    const instances = [instance({ writeLock }), instance({ writeLock })];
    let duplicates = 0;
    let doubleClaims = 0;
    for (let round = 0; round < rounds; round += 1) {
      const key = `${writeLock ? "locked" : "unlocked"}-${round}`;
      // Two callers per instance, all at once, as concurrent requests on two deployments' functions would.
      const outcomes = await Promise.allSettled(
        [0, 1, 0, 1].map((index, caller) => claim(instances[index] as Sql, key, `caller-${caller}`)),
      );
      for (const outcome of outcomes)
        if (outcome.status === "rejected") {
          if (/duplicate key/.test(String(outcome.reason))) duplicates += 1;
          else throw outcome.reason;
        }
      const claimed = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value === "claimed");
      if (claimed.length > 1) doubleClaims += 1;
    }
    return { duplicates, doubleClaims };
  }

  it("with the write lock, concurrent claims never collide: exactly one caller claims each key", async () => {
    expect(await race(true, 100)).toEqual({ duplicates: 0, doubleClaims: 0 });
    const keys = await instance()
      .prepare<[], number>("SELECT COUNT(*) FROM claims WHERE key LIKE 'locked-%'")
      .pluck()
      .get();
    expect(keys).toBe(100);
  });

  it("without the write lock, the same claims collide (so the lock is what makes them safe)", async () => {
    const { duplicates, doubleClaims } = await race(false, 100);
    expect(duplicates + doubleClaims).toBeGreaterThan(0);
  });
});
