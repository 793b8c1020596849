// A store's schema version (packages/astra-emulator/src/store/migrate.ts): an older one is rebuilt, a newer one is refused and left
// as it is, so an older deployment (a preview on production's database) never drops a newer deployment's tables.
// On SQLite (a file) and, in emulator-pg, on Postgres.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store";
import { NewerSchemaError } from "../src/store/migrate";
import { SCHEMA_VERSION } from "../src/store/schema";
import { freshStorePlace, type TestStorePlace } from "./support/test-store";

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh store place, with a raw connection to it that bypasses the store (and its version check). */
function place(): { place: TestStorePlace; raw: (text: string) => Promise<unknown[]> } {
  const dir = mkdtempSync(path.join(tmpdir(), "schema-version-"));
  dirs.push(dir);
  const file = path.join(dir, "store.db");
  const storePlace = freshStorePlace(file);
  const url = storePlace.url;
  const raw = async (text: string): Promise<unknown[]> => {
    if (!url) {
      const db = new Database(file);
      try {
        return text.trim().toUpperCase().startsWith("SELECT") ? db.prepare(text).all() : (db.exec(text), []);
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  return { place: storePlace, raw };
}

const setVersion = (raw: (text: string) => Promise<unknown>, version: number, onPostgres: boolean) =>
  raw(
    onPostgres
      ? `UPDATE store_meta SET value = ${version} WHERE name = 'schema_version'`
      : `PRAGMA user_version = ${version}`,
  );

/** Opens the store and runs its first statement, where a Postgres store checks its schema. */
async function openAndRead(storePlace: TestStorePlace): Promise<Store> {
  const store = storePlace.open();
  stores.push(store);
  await store.apps.listClientIds();
  return store;
}

const markerCount = async (raw: (text: string) => Promise<unknown[]>) =>
  Number(Object.values((await raw("SELECT COUNT(*) AS n FROM faults WHERE id = 'marker'"))[0] as object)[0]);

describe("the store's schema version", () => {
  it("refuses a store of a newer version, naming the versions, and changes nothing in it", async () => {
    const { place: storePlace, raw } = place();
    const onPostgres = storePlace.url !== undefined;
    await (await openAndRead(storePlace)).close();
    await raw(
      "INSERT INTO faults (id, client_id, method, path, remaining, created_at) VALUES ('marker', 'c', 'GET', '/', 1, 1)",
    );
    await setVersion(raw, SCHEMA_VERSION + 1, onPostgres);

    const opening = openAndRead(storePlace);
    await expect(opening).rejects.toThrow(NewerSchemaError);
    await expect(opening).rejects.toThrow(
      `schema v${SCHEMA_VERSION + 1}, newer than this version's v${SCHEMA_VERSION}`,
    );
    expect(await markerCount(raw)).toBe(1);

    // The newer deployment (here: the version put back) still finds its data.
    await setVersion(raw, SCHEMA_VERSION, onPostgres);
    await openAndRead(storePlace);
    expect(await markerCount(raw)).toBe(1);
  });

  it("rebuilds a store of an older version from fresh seed data", async () => {
    const { place: storePlace, raw } = place();
    const onPostgres = storePlace.url !== undefined;
    await (await openAndRead(storePlace)).close();
    await raw(
      "INSERT INTO faults (id, client_id, method, path, remaining, created_at) VALUES ('marker', 'c', 'GET', '/', 1, 1)",
    );
    await setVersion(raw, SCHEMA_VERSION - 1, onPostgres);

    const store = await openAndRead(storePlace);
    expect(await markerCount(raw)).toBe(0);
    expect(await store.apps.listClientIds()).toHaveLength(1);
  });
});
