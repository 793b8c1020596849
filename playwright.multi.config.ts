import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumProject, findSystemChromium, LOOPBACK_ONLY } from "./tests/chromium";
import { PROXY_URL } from "./tests/multi-instance/ports";

// The multi-instance suite (docs/testing.md): two `next start` instances of the one production build
// (`npm run build` first), in demo mode on one throwaway Postgres, behind a loopback round-robin proxy. The
// global setup starts all of it and its teardown stops it; the tests pin requests to an instance with
// `x-instance` and check `x-served-by`.
const systemChromium = findSystemChromium(process.env.CHROMIUM_PATH);
const chromiumArgs = [...CHROMIUM_FLAGS, LOOPBACK_ONLY];

export default defineConfig({
  testDir: "tests/multi-instance",
  globalSetup: "./tests/multi-instance/global-setup.ts",
  // One worker: the tests share one emulator (and its seeded user) and one of them restarts both instances.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-multi.json" }]],
  // Its own folder for traces and screenshots: Playwright empties it at start, and the e2e run's stay readable.
  outputDir: "test-results/multi-instance",
  use: {
    baseURL: PROXY_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [chromiumProject(systemChromium, chromiumArgs)],
});
