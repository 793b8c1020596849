// Makes sure the store's tables exist and match SCHEMA_VERSION, then seeds an empty store. A store of an older
// schema version is dropped and rebuilt: sandbox data is disposable, and a rebuild is simpler than migrations. A
// newer one is refused, never dropped: it belongs to a newer deployment on the same database (a preview build
// pointed at production's), whose data this older code must not wipe.
import type { Database } from "better-sqlite3";
import { SCHEMA_VERSION, schemaSql } from "./schema";
import type { Sql } from "./sql/port";

const outdated = (version: number) =>
  `Sandbox store schema v${version} is outdated (now v${SCHEMA_VERSION}); starting from fresh seed data.`;

/** Thrown when the store was made by a newer emulator: nothing is changed. */
export class NewerSchemaError extends Error {
  constructor(version: number, where: string) {
    super(
      `The emulator's store (${where}) has schema v${version}, newer than this version's v${SCHEMA_VERSION}: ` +
        "a newer deployment owns it. Refusing to open it rather than drop its tables. Run the newer version, or " +
        "point this one at a database of its own.",
    );
    this.name = "NewerSchemaError";
  }
}

/** SQLite keeps the version in `PRAGMA user_version`; one process owns the file, so no lock is needed. */
export function migrateSqlite(db: Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version, db.name);
  if (version !== 0 && version !== SCHEMA_VERSION) {
    console.warn(outdated(version));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all();
    db.pragma("foreign_keys = OFF");
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS "${String(table)}"`);
    db.pragma("foreign_keys = ON");
  }
  db.exec(schemaSql("sqlite"));
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export interface EnsureOptions {
  /** Creates this schema first when it is missing (the connection's search_path must name it). */
  schema?: string;
  /** Writes the seed rows into an empty store; runs inside the ensuring transaction. */
  seed: (sql: Sql) => Promise<void>;
}

/**
 * Postgres keeps the version in a `store_meta` row. Everything runs in one write transaction, so it holds the
 * adapter's advisory write lock: two instances starting at once take turns, and the second finds the tables
 * made and seeded by the first. Called lazily, on an instance's first statement, never at build time.
 */
export async function ensurePostgresSchema(sql: Sql, options: EnsureOptions): Promise<void> {
  await sql.transaction(async () => {
    if (options.schema) await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await sql.exec("CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL)");
    const version = await sql
      .prepare<[], number>("SELECT value FROM store_meta WHERE name = 'schema_version'")
      .pluck()
      .get();
    if (version !== undefined && version > SCHEMA_VERSION) throw new NewerSchemaError(version, "Postgres");
    if (version !== SCHEMA_VERSION) {
      if (version !== undefined) {
        console.warn(outdated(version));
        // Only the emulator's own tables: in the hosted demo the app keeps its shared state (app_webhook_ids,
        // app_token_successors, app_user_events) in the same database and schema.
        const owned = new Set(emulatorTableNames());
        const tables = (
          await sql
            .prepare<[], string>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            .pluck()
            .all()
        ).filter((table) => owned.has(table));
        if (tables.length > 0) await sql.exec(`DROP TABLE ${tables.map((t) => `"${t}"`).join(", ")} CASCADE`);
      }
      await sql.exec(schemaSql("postgres"));
      await sql
        .prepare(
          `INSERT INTO store_meta (name, value) VALUES ('schema_version', ?)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        )
        .run(SCHEMA_VERSION);
    }
    await options.seed(sql);
  });
}

/** The tables the current schema creates (store_meta is not among them). */
function emulatorTableNames(): string[] {
  return [...schemaSql("postgres").matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((match) => match[1]!);
}
