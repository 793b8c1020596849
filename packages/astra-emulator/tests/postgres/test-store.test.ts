// The `emulator-pg` project runs the emulator's HTTP suite with its stores on Postgres: a guard that they really
// are, each in a database of its own, seeded like an emulator's empty store.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DEFAULT_APP, openStore } from "../../src/store";
import { freshSchemaName } from "../support/postgres-test-data";
import { freshStorePlace, testDatabaseUrl } from "../support/test-store";
import { createTestEmulator } from "../helpers";

describe("the test stores of the Postgres project", () => {
  it("are Postgres databases of their own, seeded on first use", async () => {
    expect(testDatabaseUrl()).toMatch(/^postgres(ql)?:\/\//);
    const place = freshStorePlace();
    const store = place.open();
    expect((await store.apps.findByClientId(DEFAULT_APP.clientId))?.name).toBeTruthy();
    const raw = new pg.Client({ connectionString: place.url });
    await raw.connect();
    try {
      const { rows } = await raw.query("SELECT client_id FROM apps");
      expect(rows).toEqual([{ client_id: DEFAULT_APP.clientId }]);
    } finally {
      await raw.end();
    }
  });

  it("back the sandbox helpers too, so two sandboxes never share rows", async () => {
    const first = createTestEmulator();
    const second = createTestEmulator();
    const fault = { method: "GET", path: "/v1/accounts", status: 500, delayMs: null, count: 1 } as const;
    await first.store.faults.create(DEFAULT_APP.clientId, fault, new Date());
    expect(await first.store.faults.list(DEFAULT_APP.clientId)).toHaveLength(1);
    expect(await second.store.faults.list(DEFAULT_APP.clientId)).toHaveLength(0);
  });
});

describe("openStore", () => {
  it("opens Postgres when given a database URL, and SQLite without one", async () => {
    const url = testDatabaseUrl() as string;
    const schema = freshSchemaName();
    const hosted = await openStore({ databaseUrl: url, file: ":memory:", schema, max: 2 });
    const local = await openStore({ file: ":memory:" });
    try {
      expect((await hosted.apps.findByClientId(DEFAULT_APP.clientId))?.clientId).toBe(DEFAULT_APP.clientId);
      expect((await local.apps.findByClientId(DEFAULT_APP.clientId))?.clientId).toBe(DEFAULT_APP.clientId);
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      try {
        const { rows } = await raw.query(`SELECT client_id FROM ${schema}.apps`);
        expect(rows).toEqual([{ client_id: DEFAULT_APP.clientId }]);
      } finally {
        await raw.end();
      }
    } finally {
      await Promise.all([hosted.close(), local.close()]);
    }
  });
});
