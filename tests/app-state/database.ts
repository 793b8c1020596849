// A fresh database per test file, and pools on it that stand for separate app instances.
import { randomUUID } from "node:crypto";
import { Client, type Pool } from "pg";
import { inject } from "vitest";
import { createDatabasePool } from "@/lib/db/pool";

export type TestDatabase = {
  /** A new pool on the database: each one is another instance of the app. */
  instance(): Pool;
  drop(): Promise<void>;
};

async function onServer(statement: string) {
  const client = new Client({ connectionString: inject("appStateDatabaseUrl") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `app_state_${randomUUID().replaceAll("-", "")}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(inject("appStateDatabaseUrl"));
  url.pathname = `/${name}`;
  const pools: Pool[] = [];
  return {
    instance() {
      const pool = createDatabasePool(url.toString());
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((pool) => pool.end()));
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
