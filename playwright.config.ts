import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumProject, findSystemChromium, LOOPBACK_ONLY } from "./tests/chromium";
import { APP_URL, CLIENT_ID, CLIENT_SECRET, DEMO_URL, E2E_AUTH_SECRET, EMULATOR_URL } from "./tests/e2e/ports";
import { ON_ASTRA_SANDBOX } from "./tests/e2e/target";

// The suite runs against a production build (`npm run build` first) and its own in-memory emulator, on ports
// that do not collide with `npm run dev` (3000/4010). Each test resets the emulator (tests/e2e/fixtures.ts).
// E2E_TARGET=sandbox instead runs the app against Astra's sandbox with your keys and no emulator, skipping the
// @emulator-only tests (tests/e2e/target.ts, docs/testing.md).
const EMULATOR_PORT = new URL(EMULATOR_URL).port;

// Use the machine's Chromium where there is one (CI here cannot download Playwright's browsers); elsewhere fall
// back to Playwright's own browser (`npx playwright install chromium`).
export const systemChromium = findSystemChromium(process.env.CHROMIUM_PATH);
export const chromiumArgs = [
  ...CHROMIUM_FLAGS,
  // Keep the browser on loopback: nothing in these tests may reach the internet (except Astra's own sandbox).
  ...(ON_ASTRA_SANDBOX ? [] : [LOOPBACK_ONLY]),
];

const appServer = (astra: Record<string, string>, appUrl = APP_URL) => ({
  command: `npx next start --port ${new URL(appUrl).port}`,
  url: appUrl,
  reuseExistingServer: false,
  env: { ...astra, AUTH_URL: appUrl, AUTH_SECRET: E2E_AUTH_SECRET },
});

// Demo mode (tests/e2e/demo-mode.spec.ts) stores in a SQLite file of its own, new for every run.
const DEMO_SQLITE_FILE = path.join(tmpdir(), `astra-e2e-demo-${new URL(DEMO_URL).port}-${Date.now()}.db`);

export default defineConfig({
  testDir: "tests/e2e",
  // One worker: tests sign in as the same seeded user, and Astra keeps one valid token per user and client.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  // Playwright empties this folder as it starts; `npm test` runs vitest beside it, writing test-results/vitest.json.
  outputDir: "test-results/e2e",
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [chromiumProject(systemChromium, chromiumArgs)],
  webServer: ON_ASTRA_SANDBOX
    ? // ASTRA_API_URL / ASTRA_APP_URL from the environment still override the sandbox hosts.
      [appServer({ ASTRA_ENV: "sandbox", ASTRA_CLIENT_ID: CLIENT_ID, ASTRA_CLIENT_SECRET: CLIENT_SECRET })]
    : [
        {
          command: "npx tsx packages/astra-emulator/src/index.ts",
          url: `${EMULATOR_URL}/sandbox/health`,
          reuseExistingServer: false,
          stdout: "pipe",
          env: {
            EMULATOR_PORT,
            EMULATOR_DB: ":memory:",
            EMULATOR_REDIRECT_URIS: `${APP_URL}/api/auth/callback/astra,${APP_URL}/accounts/linked`,
            EMULATOR_WEBHOOK_URL: `${APP_URL}/api/webhooks/astra`,
          },
        },
        appServer({ ASTRA_ENV: "emulator", ASTRA_API_URL: EMULATOR_URL, ASTRA_APP_URL: EMULATOR_URL }),
        // The same build with the emulator inside it: no ASTRA_* URL or key, one process, one port.
        // Demo mode in production off Vercel must be told which header carries the visitor's address (lib/demo/env.ts).
        appServer({ ASTRA_ENV: "demo", DEMO_SQLITE_FILE, CLIENT_IP_HEADER: "x-real-ip" }, DEMO_URL),
      ],
});
