// `npm run bench:emulator`: how fast the emulator answers, and whether its memory stays flat under a long run.
// It serves the emulator in-process on a random loopback port with a throwaway store, signs the seed user in
// through the OAuth module, then loads GET /v1/accounts and POST /v1/routines with autocannon in worker threads,
// so the load generator does not share the server's event loop. Counts and each request's wait are bounded; the
// numbers are printed, never asserted.
//
// It runs once per store engine: SQLite in memory (the local default), then Postgres on a throwaway server
// started by the test harness (tests/support/postgres.ts; TEST_DATABASE_URL or TEST_PG_PORT to choose), with
// fewer requests because every statement is a round trip. `--engine sqlite` or `--engine postgres` runs one.
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { createApp } from "../packages/astra-emulator/src/app";
import {
  createPostgresStore,
  createStore,
  DEFAULT_APP,
  SEED_USER_PHONE,
  type Store,
} from "../packages/astra-emulator/src/store";
import { startTestPostgres } from "../tests/support/postgres";

const CONCURRENCY = 32;
const WORKERS = 2;
const TIMEOUT_S = 10;
const RSS_SAMPLE_MS = 2_000;

interface PhaseResult {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  peakRssMb: number;
  rssSamplesMb: number[];
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

interface Engine {
  name: string;
  open(): Promise<{ store: Store; stop(): Promise<void> }>;
  /** Requests per phase: GET, POST, and the long GET run (0 skips it). */
  counts: { get: number; post: number; longRun: number };
}

// No webhook URL: deliveries would add network I/O the numbers are not about.
const storeOptions = { app: { ...DEFAULT_APP, webhookUrl: null } };

const ENGINES: Record<"sqlite" | "postgres", Engine> = {
  sqlite: {
    name: "SQLite :memory:",
    async open() {
      const store = createStore(":memory:", storeOptions);
      return { store, stop: async () => undefined };
    },
    counts: { get: 20_000, post: 2_000, longRun: 100_000 },
  },
  postgres: {
    name: "Postgres (pg, loopback)",
    async open() {
      const server = await startTestPostgres();
      const store = createPostgresStore(server.url, { ...storeOptions, schema: `bench_${Date.now()}` });
      return { store, stop: () => server.stop() };
    },
    counts: { get: 5_000, post: 1_000, longRun: 0 },
  },
};

async function main() {
  const { values } = parseArgs({ options: { engine: { type: "string", default: "both" } } });
  const names = values.engine === "both" ? (["sqlite", "postgres"] as const) : [values.engine];
  for (const name of names) {
    const engine = ENGINES[name as keyof typeof ENGINES];
    if (!engine) throw new Error(`--engine is sqlite, postgres or both, not ${name}`);
    const { store, stop } = await engine.open();
    try {
      await bench(engine, store);
    } finally {
      await store.close();
      await stop();
    }
    console.log("");
  }
}

async function bench(engine: Engine, store: Store) {
  const app = createApp({ store });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  async function phase(
    name: string,
    amount: number,
    request: { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string },
    okStatus: number,
  ): Promise<PhaseResult> {
    const rssSamplesMb: number[] = [];
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      rssSamplesMb.push(mb(rss));
    }, RSS_SAMPLE_MS);
    try {
      const result = await autocannon({
        url: `${origin}${request.path}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        amount,
        connections: CONCURRENCY,
        workers: WORKERS,
        timeout: TIMEOUT_S,
      });
      const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats;
      const unexpected = Object.entries(stats ?? {})
        .filter(([status]) => Number(status) !== okStatus)
        .reduce((sum, [, { count }]) => sum + Number(count), 0);
      return {
        name,
        requests: result.requests.total,
        errors: result.errors + result.timeouts + unexpected,
        seconds: result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        peakRssMb: mb(Math.max(peakRss, process.memoryUsage().rss)),
        rssSamplesMb,
      };
    } finally {
      clearInterval(sampler);
    }
  }

  function report(result: PhaseResult) {
    const rate = Math.round(result.requests / result.seconds);
    console.log(
      `${result.name.padEnd(34)} ${String(result.requests).padStart(7)} req  ${String(rate).padStart(6)} req/s  ` +
        `p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  errors ${result.errors}  ` +
        `peak RSS ${result.peakRssMb} MB`,
    );
    if (result.rssSamplesMb.length > 1)
      console.log(`  RSS every ${RSS_SAMPLE_MS / 1000} s (MB): ${result.rssSamplesMb.join(", ")}`);
  }

  try {
    const token = await signInDemoUser(origin);
    const bearer = { Authorization: `Bearer ${token}` };
    console.log(
      `Emulator on ${origin} (in-process, ${engine.name} store); autocannon, ${CONCURRENCY} connections over ${WORKERS} worker threads\n`,
    );

    const accountsRequest = { method: "GET", path: "/v1/accounts", headers: bearer } as const;
    await phase("warm-up", 500, accountsRequest, 200);
    report(await phase("GET /v1/accounts", engine.counts.get, accountsRequest, 200));

    const accounts = (await (await fetch(`${origin}/v1/accounts`, { headers: bearer })).json()) as {
      accounts: { id: string }[];
    };
    const [source, destination] = accounts.accounts;
    const startDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const routine = JSON.stringify({
      type: "recurring",
      payment_type: "ach",
      name: "Bench routine",
      source_id: source?.id,
      destination_id: destination?.id,
      amount: 12.34,
      start_date: startDate,
      frequency: "weekly",
    });
    const routineRequest = {
      method: "POST",
      path: "/v1/routines",
      headers: { ...bearer, "Content-Type": "application/json" },
      body: routine,
    } as const;
    const probe = await fetch(`${origin}/v1/routines`, { ...routineRequest });
    report(await phase("POST /v1/routines", engine.counts.post, routineRequest, probe.status));

    if (engine.counts.longRun > 0) {
      report(await phase("GET /v1/accounts (long run)", engine.counts.longRun, accountsRequest, 200));
    }
    console.log("\nRSS covers the whole process: the emulator and the load generator's worker threads share it.");
  } finally {
    server.close();
  }
}

/** The seed user's access token, through the module pages and the code exchange, as a browser and app would. */
async function signInDemoUser(origin: string): Promise<string> {
  const redirectUri = DEFAULT_APP.redirectUris[0] ?? "";
  const query = new URLSearchParams({
    client_id: DEFAULT_APP.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
  });
  const page = await (await fetch(`${origin}/login/oauth/authorize?${query}`)).text();
  const sessionId = /name="session_id" value="([^"]+)"/.exec(page)?.[1];
  if (!sessionId) throw new Error("The module page has no session_id.");
  const post = (step: string, fields: Record<string, string>) =>
    fetch(`${origin}/login/oauth/authorize/${step}`, {
      method: "POST",
      body: new URLSearchParams({ session_id: sessionId, ...fields }),
      redirect: "manual",
    });
  await post("phone", { phone: SEED_USER_PHONE });
  await post("code", { code: "123456" });
  const consent = await post("consent", { decision: "authorize" });
  const code = new URL(consent.headers.get("location") ?? "", redirectUri).searchParams.get("code");
  if (!code) throw new Error(`The module did not redirect with a code (HTTP ${consent.status}).`);
  const token = await fetch(`${origin}/v1/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${DEFAULT_APP.clientId}:${DEFAULT_APP.clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`The code exchange failed (HTTP ${token.status}).`);
  return body.access_token;
}

await main();
