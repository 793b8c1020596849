// One throwaway Postgres for the app-state tests (each file makes its own database in it), stopped afterwards.
// APP_STATE_PG_PORT moves it off its default port; TEST_DATABASE_URL uses a server you already run.
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    appStateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres(Number(process.env.APP_STATE_PG_PORT ?? 55450));
  project.provide("appStateDatabaseUrl", postgres.url);
  return () => postgres.stop();
}
