// A fresh, empty Postgres schema per test store, all in the one test database: creating a schema and its tables
// costs a few milliseconds, a fresh database several times more (measured in sandbox/docs/store.md).
import pg from "pg";

const PREFIX = "test_";
let made = 0;

/** A schema name no other test worker or earlier store uses; the store creates it on first use. */
export function freshSchemaName(): string {
  made += 1;
  return `${PREFIX}${process.pid}_${Date.now().toString(36)}_${made}`;
}

/** Drops every schema the tests made (at the start and end of a run). */
export async function dropTestSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE substr(nspname, 1, length($1)) = $1",
      [PREFIX],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}
