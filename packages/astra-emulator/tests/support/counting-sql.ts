// A SQL port (packages/astra-emulator/src/store/sql/port.ts) that counts what passes through it: statements run and database
// transactions begun (a nested transaction joins its outer one, so it is not counted again). For tests and
// benchmarks that hold the number of round trips to a bound.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Sql, Statement } from "../../src/store/sql/port";

export interface SqlCounts {
  statements: number;
  transactions: number;
}

export function countingSql(sql: Sql): { sql: Sql; counts: SqlCounts } {
  const counts: SqlCounts = { statements: 0, transactions: 0 };
  const inside = new AsyncLocalStorage<true>();
  function counted<Params extends unknown[], Row>(statement: Statement<Params, Row>): Statement<Params, Row> {
    return {
      get: (...params) => (counts.statements++, statement.get(...params)),
      all: (...params) => (counts.statements++, statement.all(...params)),
      run: (...params) => (counts.statements++, statement.run(...params)),
      pluck: () => counted(statement.pluck()),
    };
  }
  return {
    counts,
    sql: {
      dialect: sql.dialect,
      prepare: (text) => counted(sql.prepare(text)),
      transaction(work) {
        if (inside.getStore()) return sql.transaction(work);
        counts.transactions++;
        return sql.transaction(() => inside.run(true, work));
      },
      exec: (script) => sql.exec(script),
      close: () => sql.close(),
    },
  };
}
