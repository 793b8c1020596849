// `npm run bench:web`: Lighthouse (mobile preset, through npx at a pinned version) on the app's main pages against a
// production build and a fresh emulator, signed in as the seed user, with applied (devtools) and simulated
// throttling, each checked against docs/performance.md's targets; plus each route's gzip First Load JS beside the
// framework's floor. It prints pass/fail and never fails itself; it stops by itself (every wait is bounded).
import { execFile, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumArgs, systemChromium } from "../playwright.config";
import { createChildren, signInDemoUser, startLocalStack, waitFor } from "./lib/local-stack";

const LIGHTHOUSE = "lighthouse@12.2.3";
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3309);
const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 4309);
const APP_URL = `http://localhost:${APP_PORT}`;
const EMULATOR_URL = `http://localhost:${EMULATOR_PORT}`;
const RUNS = 3;
const WHOLE_RUN_LIMIT_MS = 45 * 60_000;
const METHODS = ["devtools", "simulate"] as const;
type Method = (typeof METHODS)[number];
const PAGES = [
  { path: "/", signedIn: false },
  { path: "/dashboard", signedIn: true },
  { path: "/routines", signedIn: true },
  { path: "/routines/new", signedIn: true },
  { path: "/transfers", signedIn: true },
  { path: "/profile", signedIn: true },
];
const FLOOR_ROUTE = "/_not-found";
const BUNDLE_STATS = ".next/diagnostics/route-bundle-stats.json";
// Inputs of `npm run build`: a build older than any of them is rebuilt.
const BUILD_INPUTS = [
  "app",
  "components",
  "config",
  "lib",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "instrumentation.ts",
];

type Metrics = { score: number; fcp: number; lcp: number; tbt: number; cls: number; bytes: number };

/** The targets docs/performance.md states: LCP and TBT under applied throttling, the score under simulated. */
function checkTargets(method: Method, m: Metrics): { target: string; pass: boolean }[] {
  if (method === "simulate") return [{ target: "score ≥ 95", pass: m.score >= 95 }];
  return [
    { target: "LCP ≤ FCP + 100 ms", pass: m.lcp <= m.fcp + 100 },
    { target: "LCP < 1.5 s", pass: m.lcp < 1500 },
    { target: "TBT < 50 ms", pass: m.tbt < 50 },
  ];
}
const children = createChildren("bench:web");
let scratch: string | undefined;

function log(line: string) {
  console.log(`[bench:web] ${line}`);
}

async function cleanUp() {
  // Chromium writes its profile while it shuts down: remove the profile only once it has exited.
  await children.stopAll();
  if (scratch) rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIfNeeded(skip: boolean) {
  const built = existsSync(".next/BUILD_ID") ? statSync(".next/BUILD_ID").mtimeMs : 0;
  const stale = built === 0 || BUILD_INPUTS.some((input) => newestMtime(input) > built);
  if (skip || !stale) {
    if (built === 0) throw new Error("no production build in .next: run without --no-build, or `npm run build` first");
    log(skip ? "--no-build: using the existing build" : "the build in .next is newer than the sources: using it");
    return;
  }
  log("building (npm run build)...");
  const { status } = spawnSync("npm", ["run", "build"], { stdio: "inherit", timeout: 10 * 60_000 });
  if (status !== 0) throw new Error(`npm run build failed (exit ${status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Signs the seed user in through the emulator's module pages and returns the app's cookies as a header. */
async function signIn(): Promise<string> {
  const browser = await chromium.launch({ executablePath: systemChromium, args: chromiumArgs, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    return await signInDemoUser(page, APP_URL);
  } finally {
    await browser.close();
  }
}

/** A plain Chromium for Lighthouse to drive over the DevTools port: same binary and flags as the e2e suite. */
async function startLighthouseChromium(): Promise<number> {
  const port = await freePort();
  scratch = mkdtempSync(path.join(tmpdir(), "bench-web-"));
  const executable = systemChromium ?? chromium.executablePath();
  children.start(
    "chromium",
    executable,
    [...chromiumArgs, "--headless=new", `--remote-debugging-port=${port}`, `--user-data-dir=${scratch}`, "about:blank"],
    {},
  );
  await waitFor(`http://127.0.0.1:${port}/json/version`, 30_000);
  return port;
}

/** `--save=DIR`: each run's Lighthouse JSON, to read the LCP element, its phases and the main-thread tasks. */
function saveReport(dir: string, pagePath: string, method: Method, run: number, json: string) {
  mkdirSync(dir, { recursive: true });
  const name = pagePath === "/" ? "landing" : pagePath.slice(1).replaceAll("/", "-");
  writeFileSync(path.join(dir, `${name}-${method}-${run}.json`), json);
}

const run = promisify(execFile);

async function measure(
  url: string,
  method: Method,
  port: number,
  headersFile: string | null,
  save?: (json: string) => void,
): Promise<Metrics> {
  const args = [
    "--yes",
    LIGHTHOUSE,
    url,
    `--port=${port}`,
    `--throttling-method=${method}`,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance",
    "--max-wait-for-load=60000",
    "--quiet",
    ...(headersFile ? [`--extra-headers=${headersFile}`] : []),
  ];
  const { stdout } = await run("npx", args, { maxBuffer: 256 * 1024 * 1024, timeout: 5 * 60_000 });
  save?.(stdout);
  const lhr = JSON.parse(stdout) as {
    runtimeError?: { code: string; message: string };
    finalDisplayedUrl: string;
    categories: { performance?: { score: number | null } };
    audits: Record<string, { numericValue?: number } | undefined>;
  };
  if (lhr.runtimeError)
    throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A signed-in page that redirected to /signin would measure the wrong page.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    bytes: audit("total-byte-weight"),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianMetrics(runs: Metrics[]): Metrics {
  const of = (key: keyof Metrics) => median(runs.map((run) => run[key]));
  return { score: of("score"), fcp: of("fcp"), lcp: of("lcp"), tbt: of("tbt"), cls: of("cls"), bytes: of("bytes") };
}

const uptime = () => spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** gzip First Load JS per route, from the chunk lists Next writes at build time (it prints no sizes itself). */
function firstLoadGzip(): Map<string, number> {
  const routes = JSON.parse(readFileSync(BUNDLE_STATS, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const chunkSizes = new Map<string, number>();
  const gzipped = (chunk: string) => {
    if (!chunkSizes.has(chunk)) chunkSizes.set(chunk, gzipSync(readFileSync(chunk), { level: 9 }).length);
    return chunkSizes.get(chunk)!;
  };
  return new Map(
    routes.map(({ route, firstLoadChunkPaths }) => [
      route,
      firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipped(chunk), 0),
    ]),
  );
}

const METHOD_NAMES: Record<Method, string> = {
  devtools: "applied throttling (--throttling-method=devtools)",
  simulate: "simulated throttling (Lantern)",
};

function printTables(results: Map<string, Map<Method, Metrics>>, runs: number) {
  let failed = 0;
  for (const method of METHODS) {
    console.log(
      `\n${LIGHTHOUSE}, mobile preset, ${METHOD_NAMES[method]}, median of ${runs} (the landing page signed out; the others signed in as the seed user, seed data)\n`,
    );
    console.log("| page | performance | FCP | LCP | TBT | CLS | bytes | targets |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const [page, byMethod] of results) {
      const m = byMethod.get(method)!;
      const checks = checkTargets(method, m);
      failed += checks.filter((check) => !check.pass).length;
      const verdicts = checks.map((check) => `${check.pass ? "pass" : "FAIL"} ${check.target}`).join(", ");
      console.log(
        `| \`${page}\` | ${m.score} | ${Math.round(m.fcp)} ms | ${Math.round(m.lcp)} ms | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${Math.round(m.bytes).toLocaleString("en-US")} | ${verdicts} |`,
      );
    }
  }
  console.log(`\nTargets: ${failed === 0 ? "all met" : `${failed} missed`} (reported, not enforced).`);

  const sizes = firstLoadGzip();
  const floor = sizes.get(FLOOR_ROUTE);
  console.log(
    `\nFirst Load JS (gzip -9 of the route's chunks in ${BUNDLE_STATS}); floor = \`${FLOOR_ROUTE}\` ${floor ? kB(floor) : "(missing)"}\n`,
  );
  console.log("| route | First Load JS | above the floor |");
  console.log("|---|---|---|");
  for (const page of PAGES) {
    const size = sizes.get(page.path);
    if (size === undefined) console.log(`| \`${page.path}\` | (not in the stats) | |`);
    else console.log(`| \`${page.path}\` | ${kB(size)} | ${floor ? `+${kB(size - floor)}` : "?"} |`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = Number(option("runs") ?? RUNS);
  const saveDir = option("save");
  // `--pages=/dashboard,/routines/new`: measure only these (an A/B of one page takes minutes, not five).
  const only = option("pages")?.split(",");
  const pages = only ? PAGES.filter((page) => only.includes(page.path)) : PAGES;
  const limit = setTimeout(() => {
    console.error(`[bench:web] stopped: still running after ${WHOLE_RUN_LIMIT_MS / 60_000} min`);
    void cleanUp().finally(() => process.exit(2));
  }, WHOLE_RUN_LIMIT_MS);

  log(`machine at start: ${uptime()}`);
  try {
    buildIfNeeded(args.includes("--no-build"));
    log(`starting a fresh emulator on ${EMULATOR_URL} and next start on ${APP_URL}`);
    await startLocalStack(children, { appPort: APP_PORT, emulatorPort: EMULATOR_PORT, webhooks: true });

    log("signing in as the seed user through the emulator's module pages");
    const cookie = await signIn();
    const port = await startLighthouseChromium();
    // The session cookie goes to Lighthouse in a file in the scratch profile folder, not on its command line.
    const headersFile = path.join(scratch!, "headers.json");
    writeFileSync(headersFile, JSON.stringify({ Cookie: cookie }), { mode: 0o600 });

    const results = new Map<string, Map<Method, Metrics>>();
    for (const page of pages) {
      const byMethod = new Map<Method, Metrics>();
      for (const method of METHODS) {
        const samples: Metrics[] = [];
        for (let run = 1; run <= runs; run++) {
          const save = saveDir ? (json: string) => saveReport(saveDir, page.path, method, run, json) : undefined;
          const url = `${APP_URL}${page.path}`;
          const sample = await measure(url, method, port, page.signedIn ? headersFile : null, save);
          log(
            `${page.path} ${method} run ${run}/${runs}: ${sample.score}, FCP ${Math.round(sample.fcp)} ms, LCP ${Math.round(sample.lcp)} ms, TBT ${Math.round(sample.tbt)} ms`,
          );
          samples.push(sample);
        }
        byMethod.set(method, medianMetrics(samples));
      }
      results.set(page.path, byMethod);
    }
    printTables(results, runs);
    console.log(`\nmachine at the end: ${uptime()}`);
  } finally {
    clearTimeout(limit);
    await cleanUp();
  }
}

main()
  .catch((error: unknown) => {
    console.error(`[bench:web] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => process.exit()); // nothing left to wait for: do not let a stray handle keep the run alive
