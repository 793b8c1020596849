// The better-sqlite3 adapter for the SQL port (port.ts): the local default, in one process.
//
// better-sqlite3 runs each statement synchronously, so a statement on its own can never interleave with another.
// A transaction body is async, though, and other requests' statements could run between its awaits on the one
// shared connection, joining (and being rolled back with) a transaction that is not theirs. So transactions are
// queued one after another, and a statement from outside the open transaction waits until it has finished.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Database, Statement as NativeStatement } from "better-sqlite3";
import type { RunResult, Sql, Statement } from "./port";

export function sqliteSql(db: Database): Sql {
  const insideTransaction = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();
  let open = false;

  async function outsideOpenTransaction(): Promise<void> {
    // Re-checked after each wait: the next queued transaction may have opened in between.
    while (open && !insideTransaction.getStore()) await queue;
  }

  function wrap<Params extends unknown[], Row>(native: NativeStatement): Statement<Params, Row> {
    return {
      async get(...params) {
        await outsideOpenTransaction();
        return native.get(...params) as Row | undefined;
      },
      async all(...params) {
        await outsideOpenTransaction();
        return native.all(...params) as Row[];
      },
      async run(...params): Promise<RunResult> {
        await outsideOpenTransaction();
        return { changes: native.run(...params).changes };
      },
      pluck() {
        return wrap<Params, Row>(native.pluck());
      },
    };
  }

  async function runTransaction<T>(work: () => Promise<T>): Promise<T> {
    open = true;
    db.exec("BEGIN IMMEDIATE");
    try {
      const value = await insideTransaction.run(true, work);
      db.exec("COMMIT");
      return value;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    } finally {
      open = false;
    }
  }

  return {
    dialect: "sqlite",
    prepare(text) {
      return wrap(db.prepare(text));
    },
    transaction(work) {
      if (insideTransaction.getStore()) return work();
      const result = queue.then(() => runTransaction(work));
      queue = result.catch(() => undefined);
      return result;
    },
    async exec(script) {
      await outsideOpenTransaction();
      db.exec(script);
    },
    async close() {
      await queue;
      db.close();
    },
  };
}
