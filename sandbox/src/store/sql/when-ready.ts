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

  function gated<Params extends unknown[], Row>(statement: Statement<Params, Row>): Statement<Params, Row> {
    return {
      async get(...params) {
        await gate();
        return statement.get(...params);
      },
      async all(...params) {
        await gate();
        return statement.all(...params);
      },
      async run(...params) {
        await gate();
        return statement.run(...params);
      },
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
    async transaction(work) {
      await gate();
      return sql.transaction(work);
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
