import { afterEach, describe, expect, it, vi } from "vitest";
import { createDatabasePool } from "@/lib/db/pool";

// Vercel's idle timers stop while an instance is suspended; attachDatabasePool is what closes the idle connections.
const attachDatabasePool = vi.hoisted(() => vi.fn());
vi.mock("@vercel/functions", () => ({ attachDatabasePool }));

afterEach(() => attachDatabasePool.mockClear());

describe("the app's Postgres pool on Vercel", () => {
  it("is attached", async () => {
    // Nothing listens here; a pool connects only on its first query, which this test never makes.
    const pool = createDatabasePool("postgres://nobody@127.0.0.1:9/none");
    expect(attachDatabasePool).toHaveBeenCalledExactlyOnceWith(pool);
    await pool.end();
  });
});
