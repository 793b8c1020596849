// The store's ready gate (packages/astra-emulator/src/store/sql/when-ready.ts): statements wait for the schema and seed, and a
// preparation that failed is tried again by the next statement instead of failing the store for good.
import { describe, expect, it } from "vitest";
import type { Sql, Statement } from "../../src/store/sql/port";
import { whenReady } from "../../src/store/sql/when-ready";

function fakeSql(log: string[]): Sql {
  const statement: Statement<unknown[], string> = {
    get: async () => {
      log.push("get");
      return "row";
    },
    all: async () => [],
    run: async () => ({ changes: 0 }),
    pluck: () => statement,
  };
  return {
    dialect: "sqlite",
    prepare: () => statement as never,
    transaction: (work) => work(),
    exec: async () => undefined,
    close: async () => undefined,
  };
}

describe("whenReady", () => {
  it("holds statements back until the preparation has finished", async () => {
    const log: string[] = [];
    const sql = whenReady(fakeSql(log), async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push("prepared");
    });
    expect(await sql.prepare("SELECT 1").get()).toBe("row");
    expect(log).toEqual(["prepared", "get"]);
  });

  it("fails the waiting statements with the preparation's error, and tries again on the next one", async () => {
    const log: string[] = [];
    let attempts = 0;
    const sql = whenReady(fakeSql(log), async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("database unreachable");
    });
    const statement = sql.prepare("SELECT 1");
    await expect(statement.get()).rejects.toThrow("database unreachable");
    expect(await statement.get()).toBe("row");
    expect(await statement.get()).toBe("row");
    expect(attempts).toBe(2);
  });
});
