// Names of what the Postgres tests make on the test server, and how a run drops them again.
import pg from "pg";

/** The database every test store is cloned from (made by postgres-global-setup.ts, with the store's tables). */
export const TEMPLATE_DATABASE = "sandbox_template";
/** Each test store's own database (test-store.ts). */
export const TEST_DATABASE_PREFIX = "sandbox_test_";
/** Schemas of the adapter's own tests, which need a few tables of their own rather than a whole store. */
const TEST_SCHEMA_PREFIX = "test_";

let made = 0;

/** A name no other test worker or earlier store uses. */
export function uniqueName(prefix: string): string {
  made += 1;
  return `${prefix}${process.pid}_${Date.now().toString(36)}_${made}`;
}

export const freshSchemaName = () => uniqueName(TEST_SCHEMA_PREFIX);
export const freshDatabaseName = () => uniqueName(TEST_DATABASE_PREFIX);

/** The server's URL with another database in its path. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops every schema and database the tests made, and the template (on a TEST_DATABASE_URL server). */
export async function dropTestData(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const schemas = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE substr(nspname, 1, length($1)) = $1",
      [TEST_SCHEMA_PREFIX],
    );
    for (const { name } of schemas.rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
    const databases = await client.query<{ name: string }>(
      "SELECT datname AS name FROM pg_database WHERE substr(datname, 1, length($1)) = $1 OR datname = $2",
      [TEST_DATABASE_PREFIX, TEMPLATE_DATABASE],
    );
    for (const { name } of databases.rows) await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
