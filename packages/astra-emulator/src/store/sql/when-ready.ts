// Holds every statement back until the store is ready (schema ensured, seed rows written), so a store can be
// handed out at once and prepare itself on first use: a hosted instance makes its schema lazily, never at build
// time, and a test may query a store the moment it is created.
import type { Sql, Statement } from "./port";

export function whenReady(sql: Sql, prepare: (sql: Sql) => Promise<void>): Sql {
  let ready = false;
  let preparing: Promise<void> | undefined;
  // A failed preparation fails the statements waiting for it with its error, and the next statement tries again:
  // a hosted instance whose database was briefly unreachable at its first request recovers on a later one.
  const start = () => {
    const attempt = prepare(sql).then(
      () => {
        ready = true;
      },
      (error: unknown) => {
        preparing = undefined;
        throw error;
      },
    );
    // Nobody may be waiting yet; the error still reaches every statement that does wait.
    attempt.catch(() => undefined);
    return attempt;
  };
  preparing = start();
  const gate = () => (ready ? undefined : (preparing ??= start()));
  const waitThen = async <T>(call: () => Promise<T>): Promise<T> => {
    await gate();
    return call();
  };

  // Once ready (every statement after the first few), a call goes straight to the engine: no extra async frame.
  function gated<Params extends unknown[], Row>(statement: Statement<Params, Row>): Statement<Params, Row> {
    return {
      get: (...params) => (ready ? statement.get(...params) : waitThen(() => statement.get(...params))),
      all: (...params) => (ready ? statement.all(...params) : waitThen(() => statement.all(...params))),
      run: (...params) => (ready ? statement.run(...params) : waitThen(() => statement.run(...params))),
      pluck() {
        return gated(statement.pluck());
      },
    };
  }

  return {
    dialect: sql.dialect,
    prepare(text) {
      return gated(sql.prepare(text));
    },
    transaction(work) {
      return ready ? sql.transaction(work) : waitThen(() => sql.transaction(work));
    },
    async exec(script) {
      await gate();
      return sql.exec(script);
    },
    async close() {
      await preparing?.catch(() => undefined);
      return sql.close();
    },
  };
}
