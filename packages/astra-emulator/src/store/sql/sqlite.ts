// The better-sqlite3 adapter for the SQL port (port.ts): the local default, in one process.
//
// better-sqlite3 runs each statement synchronously, so a statement on its own can never interleave with another.
// A transaction body is async, though, and other requests' statements could run between its awaits on the one
// shared connection, joining (and being rolled back with) a transaction that is not theirs. So transactions are
// queued one after another, and a statement from outside the open transaction waits until it has finished.
//
// Every API request passes through here several times, so the common case is kept cheap: with no transaction
// open (or from inside the open one) a statement runs at once and hands back an already-settled promise, and a
// transaction that finds the queue empty begins at once rather than a turn later (`npm run bench:emulator`).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Database, Statement as NativeStatement } from "better-sqlite3";
import type { RunResult, Sql, Statement } from "./port";

export function sqliteSql(db: Database): Sql {
  const insideTransaction = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Transactions queued or running; 0 means one may begin straight away. */
  let pending = 0;
  let open = false;
  // Prepared once: db.exec would parse these on every transaction.
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const rollback = db.prepare("ROLLBACK");

  /** True when a statement must wait: another request's transaction is open on the shared connection. */
  const mustWait = () => open && !insideTransaction.getStore();

  async function outsideOpenTransaction(): Promise<void> {
    // Re-checked after each wait: the next queued transaction may have opened in between.
    while (mustWait()) await queue;
  }

  /** Runs `call` now when nothing is in the way, else after the open transaction; always answers a promise. */
  function when<T>(call: () => T): Promise<T> {
    if (mustWait()) return outsideOpenTransaction().then(call);
    try {
      return Promise.resolve(call());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function wrap<Params extends unknown[], Row>(native: NativeStatement): Statement<Params, Row> {
    return {
      get: (...params) => when(() => native.get(...params) as Row | undefined),
      all: (...params) => when(() => native.all(...params) as Row[]),
      run: (...params): Promise<RunResult> => when(() => ({ changes: native.run(...params).changes })),
      pluck() {
        return wrap<Params, Row>(native.pluck());
      },
    };
  }

  async function runTransaction<T>(work: () => Promise<T>): Promise<T> {
    open = true;
    try {
      begin.run();
      const value = await insideTransaction.run(true, work);
      commit.run();
      return value;
    } catch (error) {
      if (db.inTransaction) rollback.run();
      throw error;
    } finally {
      open = false;
      pending -= 1;
    }
  }

  return {
    dialect: "sqlite",
    prepare(text) {
      return wrap(db.prepare(text));
    },
    transaction(work) {
      if (insideTransaction.getStore()) return work();
      pending += 1;
      // An empty queue (the usual case): begin now. Otherwise wait for every transaction queued before this one.
      const result = pending === 1 ? runTransaction(work) : queue.then(() => runTransaction(work));
      queue = result.catch(() => undefined);
      return result;
    },
    exec(script) {
      return when(() => {
        db.exec(script);
      });
    },
    async close() {
      await queue;
      db.close();
    },
  };
}
