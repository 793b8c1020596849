// Vitest globalSetup of the Postgres projects: one throwaway Postgres for the whole run (tests/support/postgres.ts),
// its URL handed to the test files through `inject("databaseUrl")`. Each test makes a schema of its own in it
// (tests/support/postgres-schema.ts), so tests never see each other's rows.
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres";
import { dropTestSchemas } from "./postgres-schema";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  // A shared TEST_DATABASE_URL may still hold the schemas of a run that was killed.
  await dropTestSchemas(server.url);
  project.provide("databaseUrl", server.url);
  return async () => {
    try {
      await dropTestSchemas(server.url);
    } finally {
      await server.stop();
    }
  };
}
