// `npm run bench:due-work`: database transactions and statements per request of the hosted demo, with 0 and with
// 1,000 idle users whose clocks once moved (issue 17: due work must grow with what is due, not with history).
// Each request is a light API read by the seed user followed by the due-work pass the hosted demo runs after it
// (runDueWorkIfFree, visitor scope), one second apart on a manual clock so every pass takes the lease. Counted by a
// counting SQL port (tests/support/counting-sql.ts), on SQLite in memory and on a throwaway Postgres
// (tests/support/postgres.ts; TEST_DATABASE_URL or TEST_PG_PORT). Prints numbers, asserts nothing.
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createApp } from "../packages/astra-emulator/src/app";
import { createManualClock } from "../packages/astra-emulator/src/lib/clock";
import { runDueWorkIfFree } from "../packages/astra-emulator/src/lib/due-work";
import { DEFAULT_APP, SEED_USER_PHONE, type Store } from "../packages/astra-emulator/src/store";
import { migrateSqlite } from "../packages/astra-emulator/src/store/migrate";
import { postgresStoreOn } from "../packages/astra-emulator/src/store/postgres-store";
import { seedIfEmpty } from "../packages/astra-emulator/src/store/seed";
import type { Sql } from "../packages/astra-emulator/src/store/sql/port";
import { postgresSql } from "../packages/astra-emulator/src/store/sql/postgres";
import { sqliteSql } from "../packages/astra-emulator/src/store/sql/sqlite";
import { whenReady } from "../packages/astra-emulator/src/store/sql/when-ready";
import { wireStore } from "../packages/astra-emulator/src/store/wire";
import { countingSql, type SqlCounts } from "../packages/astra-emulator/tests/support/counting-sql";
import { addIdleUsers } from "../packages/astra-emulator/tests/support/idle-users";
import { startTestPostgres } from "../tests/support/postgres";

const REQUESTS = 50;
const IDLE_USERS = [0, 1_000];
const PATHS = ["/v1/accounts", "/v1/routines", "/v1/user", "/v1/transfers"];
const START = new Date("2026-03-10T18:00:00Z");

type Counted = { store: Store; sql: Sql; counts: SqlCounts };

function sqliteStore(): Counted {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  migrateSqlite(db);
  const { sql, counts } = countingSql(sqliteSql(db));
  return { store: wireStore(whenReady(sql, (raw) => seedIfEmpty(raw, DEFAULT_APP, START))), sql, counts };
}

function postgresStore(url: string): Counted {
  const schema = `bench_due_${Date.now()}`;
  const { sql, counts } = countingSql(postgresSql(url, { schema, max: 3 }));
  return { store: postgresStoreOn(sql, { schema, now: START }), sql, counts };
}

async function perRequest({ store, sql, counts }: Counted, idleUsers: number): Promise<SqlCounts & { ms: number }> {
  await store.apps.listClientIds();
  await addIdleUsers(sql, idleUsers, START);
  const clock = createManualClock(START);
  const app = createApp({ store, clock, visitorScope: true });
  const user = await store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
  if (!user) throw new Error("The seed user is missing.");
  const { accessToken } = await store.tokens.issueTokens({ clientId: DEFAULT_APP.clientId, userId: user.id }, START);
  const before = { ...counts };
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    clock.advance(1_000);
    const path = PATHS[i % PATHS.length] as string;
    const response = await app.request(path, { headers: { Authorization: `Bearer ${accessToken}` } });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    await runDueWorkIfFree(store, clock.now(), { visitorScope: true });
  }
  return {
    statements: (counts.statements - before.statements) / REQUESTS,
    transactions: (counts.transactions - before.transactions) / REQUESTS,
    ms: (performance.now() - started) / REQUESTS,
  };
}

async function main() {
  const { values } = parseArgs({ options: { engine: { type: "string", default: "both" } } });
  const engines = values.engine === "both" ? ["sqlite", "postgres"] : [values.engine];
  const server = engines.includes("postgres") ? await startTestPostgres() : undefined;
  try {
    console.log(`Per request (a GET as the seed user, then the due-work pass), mean of ${REQUESTS}:`);
    console.log("engine    idle users  transactions  statements  ms");
    for (const engine of engines) {
      for (const idle of IDLE_USERS) {
        if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--engine is sqlite, postgres or both`);
        const counted = engine === "sqlite" ? sqliteStore() : postgresStore(server!.url);
        try {
          const result = await perRequest(counted, idle);
          console.log(
            `${engine.padEnd(10)}${String(idle).padStart(10)}  ${result.transactions.toFixed(2).padStart(12)}  ` +
              `${result.statements.toFixed(2).padStart(10)}  ${result.ms.toFixed(1).padStart(5)}`,
          );
        } finally {
          await counted.store.close();
        }
      }
    }
  } finally {
    await server?.stop();
  }
}

await main();
