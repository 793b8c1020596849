import { openHostedStore } from "astra-emulator/hosted";
import { Pool } from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hostedStoreLocation } from "@/app/emulator/hosted-emulator";
import { createDatabasePool } from "@/lib/db/pool";

// Vercel's idle timers stop while an instance is suspended; attachDatabasePool is what closes the idle connections.
const attachDatabasePool = vi.hoisted(() => vi.fn());
vi.mock("@vercel/functions", () => ({ attachDatabasePool }));

// Nothing listens here; a pool connects only on its first query, which these tests never make.
const UNUSED_URL = "postgres://nobody@127.0.0.1:9/none";
const keys = { clientId: "client", clientSecret: "secret" };

afterEach(() => attachDatabasePool.mockClear());

describe("Postgres pools on Vercel", () => {
  it("attaches the app's pool", async () => {
    const pool = createDatabasePool(UNUSED_URL);
    expect(attachDatabasePool).toHaveBeenCalledExactlyOnceWith(pool);
    await pool.end();
  });

  it("attaches the hosted emulator's pool in demo mode on Postgres", async () => {
    const store = await openHostedStore(hostedStoreLocation({ kind: "postgres", url: UNUSED_URL }), keys);
    expect(attachDatabasePool).toHaveBeenCalledExactlyOnceWith(expect.any(Pool));
    await store.close();
  });

  it("has no pool to attach on SQLite", async () => {
    const store = await openHostedStore(hostedStoreLocation({ kind: "sqlite", file: ":memory:" }), keys);
    expect(attachDatabasePool).not.toHaveBeenCalled();
    await store.close();
  });
});
