import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAppTables, pruneAppTables } from "@/lib/db/app-tables";
import { createTestDatabase, type TestDatabase } from "./database";

// The app's tables: made on first use by whichever instances start together, and emptied of what has expired.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe("the app's tables", () => {
  it("are created once when several fresh instances start at the same moment", async () => {
    const instances = Array.from({ length: 6 }, () => db.instance());
    await Promise.all(instances.map((pool) => ensureAppTables(pool)));
    const { rows } = await instances[0]!.query(
      "SELECT tablename FROM pg_tables WHERE tablename LIKE 'app\\_%' ORDER BY tablename",
    );
    expect(rows.map((row) => row.tablename)).toEqual([
      "app_stream_slots",
      "app_token_successors",
      "app_user_events",
      "app_webhook_ids",
    ]);
  });

  it("lose expired rows and keep the rest when pruned", async () => {
    const pool = db.instance();
    await ensureAppTables(pool);
    await pool.query(`
      INSERT INTO app_webhook_ids (webhook_id, seen_at) VALUES ('wh_old', now() - interval '8 days'), ('wh_new', now());
      INSERT INTO app_token_successors (old_hash, jwe, at) VALUES ('h_old', 'x', now() - interval '11 minutes'), ('h_new', 'x', now());
      INSERT INTO app_user_events (user_id, type, resource_id, at)
        VALUES ('usr_p', 'transfer_updated', 'trf_old', now() - interval '61 minutes'), ('usr_p', 'transfer_updated', 'trf_new', now());
    `);
    await pruneAppTables(pool);
    const left = await pool.query(`
      SELECT webhook_id AS key FROM app_webhook_ids UNION ALL SELECT old_hash FROM app_token_successors
      UNION ALL SELECT resource_id FROM app_user_events ORDER BY 1`);
    expect(left.rows.map((row) => row.key)).toEqual(["h_new", "trf_new", "wh_new"]);
  });
});
