import { openHostedStore } from "astra-emulator/hosted";
import { Pool } from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hostedStoreLocation } from "@/app/emulator/hosted-emulator";

// Demo mode's glue hands the hosted emulator's pool to Vercel too; the emulator package imports nothing from Vercel.
const attachDatabasePool = vi.hoisted(() => vi.fn());
vi.mock("@vercel/functions", () => ({ attachDatabasePool }));

const keys = { clientId: "client", clientSecret: "secret" };

afterEach(() => attachDatabasePool.mockClear());

describe("the hosted emulator's store on Vercel", () => {
  it("attaches its pool on Postgres", async () => {
    // Nothing listens here; the store connects only on its first statement, which this test never makes.
    const location = hostedStoreLocation({ kind: "postgres", url: "postgres://nobody@127.0.0.1:9/none" });
    const store = await openHostedStore(location, keys);
    expect(attachDatabasePool).toHaveBeenCalledExactlyOnceWith(expect.any(Pool));
    await store.close();
  });

  it("has no pool to attach on SQLite", async () => {
    const store = await openHostedStore(hostedStoreLocation({ kind: "sqlite", file: ":memory:" }), keys);
    expect(attachDatabasePool).not.toHaveBeenCalled();
    await store.close();
  });
});
