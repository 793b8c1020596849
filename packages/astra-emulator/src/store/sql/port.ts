// The one door between the store modules and a SQL engine. Two adapters sit behind it: better-sqlite3 (the local
// default, sqlite.ts) and node-postgres (hosted, postgres.ts). Store modules write one SQL text that both engines
// run (see "Portable SQL" in packages/astra-emulator/docs/store.md) and never learn which engine answered.
//
// The shape follows better-sqlite3's prepared statements, made async: `prepare(text)` once, then
// `await stmt.get(...)`, `all`, `run`, with `.pluck()` for a single column. Parameters are positional `?` or
// named `@name` (one object argument), as in better-sqlite3.

/** A value a statement binds. Booleans are stored as 0/1 integers on both engines. */
export type SqlValue = string | number | bigint | null;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface Statement<Params extends unknown[], Row> {
  get(...params: Params): Promise<Row | undefined>;
  all(...params: Params): Promise<Row[]>;
  run(...params: Params): Promise<RunResult>;
  /** The same statement answering only its first column; type the column as `Row` when preparing. */
  pluck(): Statement<Params, Row>;
}

export type Dialect = "sqlite" | "postgres";

export interface Sql {
  readonly dialect: Dialect;
  /** Named parameters take one object: `prepare<{ id: string }, Row>("... WHERE id = @id")`. */
  prepare<Params extends unknown[] | object = unknown[], Row = unknown>(
    text: string,
  ): Statement<Params extends unknown[] ? Params : [Params], Row>;
  /**
   * Runs `work` as one write transaction: it commits when `work` resolves and rolls back when it throws.
   * Transactions never interleave, on either engine (SQLite: a queue in this process; Postgres: an advisory
   * transaction lock across every instance), so a read-then-write inside one is safe from races.
   * Statements called inside `work` join the transaction; a nested call joins the outer one.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Runs a script of statements without parameters (schema). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}
