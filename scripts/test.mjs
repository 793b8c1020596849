// `npm test` (the fast tier: Node and Chromium only) and `npm run test:all` (`.ci/run`: adds lint and the suites
// that need Postgres, the contract suite and the multi-instance suite). Every step runs (a failing one does not hide
// a later one), then one summary line that CI reads: "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

// vitest.config.ts's project names. The Postgres ones start a throwaway server from the machine's binaries.
const PROJECTS = { unit: "unit", emulator: "emulator", emulatorPg: "emulator-pg", appState: "app-state" };
// After `npm run remove-emulator` its projects and the suites that need it are gone.
const hasEmulator = existsSync("packages/astra-emulator");
const vitest = (...projects) =>
  `npx vitest run ${projects
    .filter((name) => hasEmulator || !name.startsWith("emulator"))
    .map((name) => `--project ${name}`)
    .join(" ")}`;
const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts;

const TIERS = ["fast", "all"];
const tier = process.argv[2] ?? "fast";
if (!TIERS.includes(tier)) {
  console.error(`usage: node scripts/test.mjs [${TIERS.join("|")}] (got "${tier}")`);
  process.exit(2);
}
const all = tier === "all";
const scratch = mkdtempSync(path.join(tmpdir(), "astra-test-"));

const steps = [
  { name: "lint", command: "npm run lint", only: "all" },
  { name: "typecheck", command: "npm run typecheck" },
  // A copy with the emulator, demo mode and the dev tools removed as the README says: lint, types, unit, build.
  { name: "without the emulator", command: "npm run check:without-emulator", only: "all" },
  // Black-box checks of the Astra API surface, here against a freshly started emulator (docs/testing.md).
  {
    name: "contract tests",
    command: "npm run test:contract",
    report: "test-results/contract.json",
    read: readVitest,
    only: "all",
  },
  { name: "build", command: "npm run build" },
  all
    ? {
        name: "unit + emulator tests (SQLite and Postgres) + app state",
        command: vitest(PROJECTS.unit, PROJECTS.emulator, PROJECTS.emulatorPg, PROJECTS.appState),
        report: "test-results/vitest.json",
        read: readVitest,
      }
    : {
        name: "unit + emulator tests",
        // On one core beside the end-to-end suite, which mostly waits on its browser and servers.
        command: `${vitest(PROJECTS.unit, PROJECTS.emulator)} --maxWorkers=1`,
        report: "test-results/vitest.json",
        read: readVitest,
        // A quarter of the fuzz runs (tests/support/fuzz-runs.ts); test:all keeps the full count.
        env: { TEST_TIER: "fast" },
        background: true,
      },
  {
    name: "end-to-end tests",
    command: "npm run test:e2e",
    report: "test-results/playwright.json",
    read: readPlaywright,
    needs: "build",
  },
  // The same build as two instances in demo mode on one throwaway Postgres, behind a round-robin proxy.
  {
    name: "multi-instance tests",
    command: "npm run test:multi",
    report: "test-results/playwright-multi.json",
    read: readPlaywright,
    needs: "build",
    only: "all",
  },
  // `next dev` with the emulator stopped; after the other browser suites, which use the same ports.
  {
    name: "development-mode tests",
    command: "npm run test:dev",
    report: "test-results/playwright-dev.json",
    read: readPlaywright,
    only: "all",
  },
].filter(
  (step) =>
    (!step.only || step.only === tier) && (!step.command.startsWith("npm run") || scripts[step.command.split(" ")[2]]),
);

function readVitest(json) {
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  };
}

function readPlaywright(json) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats ?? {};
  return { passed: expected + flaky, failed: unexpected, skipped };
}

// The e2e and contract suites prefer the machine's Chromium (see playwright.config.ts); without one, fetch
// Playwright's own once, so the second README command also works on a laptop that never ran Playwright.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].some((path) => existsSync(path));
const needsBrowser = steps.some((step) => step.read === readPlaywright);
if (needsBrowser && !systemChromium && !process.env.CHROMIUM_PATH && !existsSync(chromium.executablePath())) {
  console.log("No Chromium found: installing Playwright's (one time)...");
  spawnSync("npx playwright install chromium", { stdio: "inherit", shell: true });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const outcomes = [];
const failedSteps = new Set();
const startedAll = Date.now();

/** Runs a step to its end; a background step writes to a log, printed once it is awaited. */
function run(step) {
  let stdio = "inherit";
  if (step.background) {
    step.log = path.join(scratch, `${step.name}.log`);
    const out = openSync(step.log, "w");
    stdio = ["ignore", out, out];
  }
  console.log(`\n▶ ${step.name}${step.background ? ", in the background" : ""}: ${step.command}`);
  const child = spawn(step.command, { stdio, shell: true, env: { ...process.env, ...step.env } });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

function record(step, status, seconds) {
  const ok = status === 0;
  if (!step.report) {
    // A check without tests counts as one: it passed or it failed.
    totals[ok ? "passed" : "failed"] += 1;
    if (!ok) failedSteps.add(step.name);
    outcomes.push(`${step.name}: ${ok ? "ok" : "FAILED"} (${seconds}s)`);
    return;
  }
  let counts;
  try {
    counts = step.read(JSON.parse(readFileSync(step.report, "utf8")));
  } catch {
    counts = undefined; // the runner crashed before writing its report
  }
  if (!counts || (!ok && counts.failed === 0)) {
    failedSteps.add(step.name);
    totals.failed += 1 + (counts?.failed ?? 0);
    outcomes.push(`${step.name}: CRASHED, exit ${status} (${seconds}s)`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed > 0 || !ok) failedSteps.add(step.name);
  outcomes.push(`${step.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds}s)`);
}

const background = [];
for (const step of steps) {
  if (step.needs && failedSteps.has(step.needs)) {
    outcomes.push(`${step.name}: not run (${step.needs} failed)`);
    failedSteps.add(step.name);
    totals.failed += 1;
    continue;
  }
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  const finished = run(step).then((status) => ({ step, status, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  if (step.background) background.push(finished);
  else {
    const { status, seconds } = await finished;
    record(step, status, seconds);
  }
}
for (const { step, status, seconds } of await Promise.all(background)) {
  console.log(`\n▶ ${step.name} (ran in the background):\n${readFileSync(step.log, "utf8")}`);
  record(step, status, seconds);
}
rmSync(scratch, { recursive: true, force: true });

const took = ((Date.now() - startedAll) / 1000).toFixed(0);
console.log(`\nSummary (${all ? "npm run test:all" : "npm test"}, ${took}s)`);
for (const line of outcomes) console.log(`  ${line}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedSteps.size > 0 ? 1 : 0);
