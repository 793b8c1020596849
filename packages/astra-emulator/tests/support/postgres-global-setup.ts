// Vitest globalSetup of the `emulator-pg` project: one throwaway Postgres for the whole run (tests/support/
// postgres.ts, or TEST_DATABASE_URL), its URL handed to the test files through `inject("databaseUrl")`. It also
// makes the template database every test store is cloned from (test-store.ts), with the store's tables in it.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensurePostgresSchema } from "../../src/store/migrate";
import { postgresSql } from "../../src/store/sql/postgres";
import { startTestPostgres } from "../../../../tests/support/postgres";
import { databaseUrl, dropTestData, TEMPLATE_DATABASE } from "./postgres-test-data";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

async function createTemplate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`).finally(() => client.end());
  const sql = postgresSql(databaseUrl(url, TEMPLATE_DATABASE), { max: 1 });
  try {
    // Tables only: each store seeds itself, with its own options (app, time).
    await ensurePostgresSchema(sql, { seed: async () => undefined });
  } finally {
    await sql.close();
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  try {
    // A shared TEST_DATABASE_URL may still hold what a killed run made.
    if (server.external) await dropTestData(server.url);
    await createTemplate(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("databaseUrl", server.url);
  return async () => {
    // A throwaway cluster is deleted whole; only a server this run did not make needs emptying.
    try {
      if (server.external) await dropTestData(server.url);
    } finally {
      await server.stop();
    }
  };
}
