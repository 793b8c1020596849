// `npm run bench:emulator`: how fast the emulator answers, and whether its memory stays flat under a long run.
// It serves the emulator in-process on a random loopback port with a throwaway store, signs the seed user in
// through the OAuth module, then loads GET /v1/accounts and POST /v1/routines over keep-alive connections.
// Counts and time are bounded; the numbers are printed, never asserted.
//
// It runs once per store engine: SQLite in memory (the local default), then Postgres on a throwaway server
// started by the test harness (tests/support/postgres.ts; TEST_DATABASE_URL or TEST_PG_PORT to choose), with
// fewer requests because every statement is a round trip. `--engine sqlite` or `--engine postgres` runs one.
import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
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
const PHASE_CAP_MS = 60_000;
const LONG_RUN_CAP_MS = 180_000;
const RSS_SAMPLE_EVERY = 10_000;

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

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

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
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  async function phase(
    name: string,
    total: number,
    capMs: number,
    send: (index: number) => Promise<number>,
    okStatus: number,
  ): Promise<PhaseResult> {
    const latencies = new Float64Array(total);
    const rssSamplesMb: number[] = [];
    let peakRss = process.memoryUsage().rss;
    let next = 0;
    let done = 0;
    let errors = 0;
    const started = performance.now();
    const deadline = started + capMs;
    async function worker() {
      while (next < total && performance.now() < deadline) {
        const index = next++;
        const t0 = performance.now();
        try {
          if ((await send(index)) !== okStatus) errors += 1;
        } catch {
          errors += 1;
        }
        latencies[done++] = performance.now() - t0;
        if (done % 1_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (done % RSS_SAMPLE_EVERY === 0) rssSamplesMb.push(mb(process.memoryUsage().rss));
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const sorted = latencies.slice(0, done).sort();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      name,
      requests: done,
      errors,
      seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      peakRssMb: mb(peakRss),
      rssSamplesMb,
    };
  }

  function report(result: PhaseResult) {
    const rate = Math.round(result.requests / result.seconds);
    console.log(
      `${result.name.padEnd(34)} ${String(result.requests).padStart(7)} req  ${String(rate).padStart(6)} req/s  ` +
        `p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  errors ${result.errors}  ` +
        `peak RSS ${result.peakRssMb} MB`,
    );
    if (result.rssSamplesMb.length > 1)
      console.log(`  RSS every ${RSS_SAMPLE_EVERY} requests (MB): ${result.rssSamplesMb.join(", ")}`);
  }

  try {
    const token = await signInDemoUser(origin);
    const bearer = { Authorization: `Bearer ${token}` };
    console.log(
      `Emulator on ${origin} (in-process, ${engine.name} store), ${CONCURRENCY} concurrent keep-alive connections\n`,
    );

    await phase("warm-up", 500, PHASE_CAP_MS, () => call("GET", "/v1/accounts", bearer), 200);
    report(
      await phase("GET /v1/accounts", engine.counts.get, PHASE_CAP_MS, () => call("GET", "/v1/accounts", bearer), 200),
    );

    const accounts = (await (await fetch(`${origin}/v1/accounts`, { headers: bearer })).json()) as {
      accounts: { id: string }[];
    };
    const [source, destination] = accounts.accounts;
    const startDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const routine = (index: number) =>
      JSON.stringify({
        type: "recurring",
        payment_type: "ach",
        name: `Bench ${index}`,
        source_id: source?.id,
        destination_id: destination?.id,
        amount: 12.34,
        start_date: startDate,
        frequency: "weekly",
      });
    const jsonHeaders = { ...bearer, "Content-Type": "application/json" };
    const probe = await call("POST", "/v1/routines", jsonHeaders, routine(0));
    if (probe === 404 || probe === 405) {
      console.log("POST /v1/routines                  skipped: the emulator has no routines endpoint yet");
    } else {
      report(
        await phase(
          "POST /v1/routines",
          engine.counts.post,
          PHASE_CAP_MS,
          (i) => call("POST", "/v1/routines", jsonHeaders, routine(i)),
          probe,
        ),
      );
    }

    if (engine.counts.longRun > 0) {
      report(
        await phase(
          "GET /v1/accounts (long run)",
          engine.counts.longRun,
          LONG_RUN_CAP_MS,
          () => call("GET", "/v1/accounts", bearer),
          200,
        ),
      );
    }
    console.log("\nRSS covers the whole process: the emulator and this load generator share it.");
  } finally {
    agent.destroy();
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
