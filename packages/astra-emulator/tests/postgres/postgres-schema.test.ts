// The store's schema on Postgres (packages/astra-emulator/src/store/migrate.ts): made lazily under the write lock, once, however
// many instances start at once; rebuilt and reseeded when older than SCHEMA_VERSION (a newer one: packages/astra-emulator/tests/schema-version.test.ts).
import { afterEach, describe, expect, inject, it } from "vitest";
import { ensurePostgresSchema } from "../../src/store/migrate";
import { SCHEMA_VERSION } from "../../src/store/schema";
import type { Sql } from "../../src/store/sql/port";
import { postgresSql } from "../../src/store/sql/postgres";
import { freshSchemaName } from "../support/postgres-test-data";

const url = inject("databaseUrl");
const open: Sql[] = [];

function instance(schema: string, writeLock = true): Sql {
  const sql = postgresSql(url, { schema, writeLock });
  open.push(sql);
  return sql;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sql) => sql.close()));
});

/** A stand-in for the real seed: one app row when the store is empty; counts the times it found it empty. */
function countingSeed() {
  const seeded: string[] = [];
  return {
    seeded,
    seed: async (sql: Sql) => {
      const apps = await sql.prepare<[], number>("SELECT COUNT(*) FROM apps").pluck().get();
      if (apps !== 0) return;
      await sql
        .prepare(
          "INSERT INTO apps (client_id, client_secret, name, redirect_uris, created_at) VALUES (?, 's', 'n', '[]', 1)",
        )
        .run(`app-${seeded.length}`);
      seeded.push("seeded");
    },
  };
}

describe("ensurePostgresSchema", () => {
  it("makes every table, with a rowid column where the store orders by rowid", async () => {
    const schema = freshSchemaName();
    const sql = instance(schema);
    await ensurePostgresSchema(sql, { schema, seed: async () => undefined });
    const columns = await sql
      .prepare<[string], { table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = ? AND column_name = 'rowid' ORDER BY 1",
      )
      .all(schema);
    expect(columns.map((row) => row.table_name)).toEqual([
      "accounts",
      "cards",
      "faults",
      "routines",
      "transfers",
      "user_changes",
      "webhook_events",
    ]);
    const version = await sql.prepare("SELECT value FROM store_meta WHERE name = 'schema_version'").pluck().get();
    expect(version).toBe(SCHEMA_VERSION);
  });

  it("when many instances start at once, one makes and seeds the store and the others find it ready", async () => {
    const schema = freshSchemaName();
    const { seed, seeded } = countingSeed();
    const starts = await Promise.allSettled(
      Array.from({ length: 6 }, () => {
        const sql = instance(schema);
        return ensurePostgresSchema(sql, { schema, seed });
      }),
    );
    expect(starts.filter((start) => start.status === "rejected")).toEqual([]);
    expect(seeded).toHaveLength(1);
    expect(await instance(schema).prepare("SELECT COUNT(*) FROM apps").pluck().get()).toBe(1);
  });

  it("drops and reseeds a store of an older schema version, and leaves a current one alone", async () => {
    const schema = freshSchemaName();
    const { seed, seeded } = countingSeed();
    const sql = instance(schema);
    await ensurePostgresSchema(sql, { schema, seed });
    await sql
      .prepare(
        "INSERT INTO faults (id, client_id, method, path, remaining, created_at) VALUES ('f', 'c', 'GET', '/', 1, 1)",
      )
      .run();

    await ensurePostgresSchema(instance(schema), { schema, seed });
    expect(await sql.prepare("SELECT COUNT(*) FROM faults").pluck().get()).toBe(1);
    expect(seeded).toHaveLength(1);

    await sql.prepare("UPDATE store_meta SET value = ? WHERE name = 'schema_version'").run(SCHEMA_VERSION - 1);
    await ensurePostgresSchema(instance(schema), { schema, seed });
    expect(await sql.prepare("SELECT COUNT(*) FROM faults").pluck().get()).toBe(0);
    expect(seeded).toHaveLength(2);
    expect(await sql.prepare("SELECT value FROM store_meta WHERE name = 'schema_version'").pluck().get()).toBe(
      SCHEMA_VERSION,
    );
  });

  it("drops only its own tables on a version change: the app's tables in the same database stay", async () => {
    const schema = freshSchemaName();
    const { seed } = countingSeed();
    const sql = instance(schema);
    await ensurePostgresSchema(sql, { schema, seed });
    await sql.exec("CREATE TABLE app_webhook_ids (webhook_id TEXT PRIMARY KEY)");
    await sql.prepare("INSERT INTO app_webhook_ids (webhook_id) VALUES ('w1')").run();

    await sql.prepare("UPDATE store_meta SET value = ? WHERE name = 'schema_version'").run(SCHEMA_VERSION - 1);
    await ensurePostgresSchema(instance(schema), { schema, seed });
    expect(await sql.prepare("SELECT COUNT(*) FROM app_webhook_ids").pluck().get()).toBe(1);
  });
});
