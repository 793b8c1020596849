// The node-postgres adapter for the SQL port (port.ts): many instances (a hosted deployment's functions) on one
// database.
//
// SQLite has one writer, so a read-then-write inside a transaction can never race. Postgres under READ COMMITTED
// lets two instances read the same "nothing there yet" and both write (a duplicate-key error, a double claim).
// Every transaction here therefore starts by taking one advisory transaction lock that all instances share:
// write transactions run one at a time across the whole deployment, as on SQLite. A transaction-level lock is
// released by COMMIT/ROLLBACK, so it also works through a transaction-mode pooler (Neon's PgBouncer).
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { RunResult, Sql, SqlValue, Statement } from "./port";

/** The one advisory lock key every write transaction takes (any constant; this one spells "astr"). */
export const WRITE_LOCK_KEY = 0x61737472;

export interface PostgresOptions {
  /** Connections per instance; a serverless function needs few. */
  max?: number;
  /** The schema the statements' unqualified table names resolve in (Postgres's search_path); default: public. */
  schema?: string;
  /** Only for the test that proves the lock is what keeps two instances' transactions apart. */
  writeLock?: boolean;
  /** Given the pool once made, for a host that manages its connections (Vercel's attachDatabasePool). */
  onPool?: (pool: pg.Pool) => void;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// COUNT(*) and SUM() answer int8/numeric, which pg returns as strings by default; the store's integers
// (epoch milliseconds, cents, counts) all fit a double exactly.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

interface Translated {
  text: string;
  /** For `@name` statements: the parameter name behind each `$n`; null for positional `?` statements. */
  names: string[] | null;
}

/**
 * Rewrites better-sqlite3's placeholders (`?` in order, or `@name`) into Postgres's `$1, $2…`, leaving quoted
 * strings, quoted identifiers and comments alone. A name used twice maps to one `$n`.
 */
export function translatePlaceholders(text: string): Translated {
  let out = "";
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === "'" || char === '"') {
      const end = closingQuote(text, i, char);
      out += text.slice(i, end);
      i = end;
    } else if (char === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (char === "?") {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if (char === "@" && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0] as string;
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i += 1 + name.length;
    } else {
      out += char;
      i += 1;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`Mixed ? and @name parameters in: ${text}`);
  return { text: out, names: names.length > 0 ? names : null };
}

/** Index just past the quote that closes the one at `start`; a doubled quote is an escaped one. */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

function bind(names: string[] | null, params: unknown[]): SqlValue[] {
  if (!names) return params.map((value) => (value === undefined ? null : (value as SqlValue)));
  const object = params[0];
  if (params.length !== 1 || typeof object !== "object" || object === null) {
    throw new TypeError(`A statement with @name parameters takes one object (${names.join(", ")})`);
  }
  return names.map((name) => {
    if (!(name in object)) throw new RangeError(`Missing named parameter "${name}"`);
    const value = (object as Record<string, unknown>)[name];
    return value === undefined ? null : (value as SqlValue);
  });
}

export function postgresSql(connectionString: string, options: PostgresOptions = {}): Sql {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new RangeError(`Not a plain lowercase schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    max: options.max ?? 10,
    idleTimeoutMillis: 5_000,
    types,
  });
  // An idle connection the server drops (a restart, a pooler timeout) emits here; without a listener that error
  // would crash the process. The pool discards the client and opens a new one on the next query.
  pool.on("error", (error) => console.warn(`Postgres connection lost: ${error.message}`));
  options.onPool?.(pool);
  const writeLock = options.writeLock ?? true;
  const transactionClient = new AsyncLocalStorage<pg.PoolClient>();

  function query(text: string, values: SqlValue[], rowMode?: "array") {
    const runner = transactionClient.getStore() ?? pool;
    return runner.query<Record<string, unknown>>({ text, values, ...(rowMode ? { rowMode } : {}) });
  }

  function statement<Params extends unknown[], Row>(translated: Translated, plucked: boolean): Statement<Params, Row> {
    const { text, names } = translated;
    return {
      async get(...params) {
        const result = await query(text, bind(names, params), plucked ? "array" : undefined);
        const row = result.rows[0];
        if (row === undefined) return undefined;
        return (plucked ? (row as unknown as unknown[])[0] : row) as Row;
      },
      async all(...params) {
        const result = await query(text, bind(names, params), plucked ? "array" : undefined);
        return (plucked ? result.rows.map((row) => (row as unknown as unknown[])[0]) : result.rows) as Row[];
      },
      async run(...params): Promise<RunResult> {
        const result = await query(text, bind(names, params));
        return { changes: result.rowCount ?? 0 };
      },
      pluck() {
        return statement<Params, Row>(translated, true);
      },
    };
  }

  async function runTransaction<T>(work: () => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        if (writeLock) await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK_KEY]);
        const value = await transactionClient.run(client, work);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      }
    } finally {
      // A connection whose rollback failed is in an unknown state: destroy it rather than reuse it.
      client.release(broken);
    }
  }

  return {
    dialect: "postgres",
    prepare(text) {
      return statement(translatePlaceholders(text), false);
    },
    transaction(work) {
      if (transactionClient.getStore()) return work();
      return runTransaction(work);
    },
    async exec(script) {
      await (transactionClient.getStore() ?? pool).query(script);
    },
    async close() {
      await pool.end();
    },
  };
}
