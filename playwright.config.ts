import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { APP_URL, E2E_AUTH_SECRET, SANDBOX_URL } from "./tests/e2e/ports";

// The suite runs against a production build (`npm run build` first) and its own in-memory emulator, on ports
// that do not collide with `npm run dev` (3000/4010). Each test resets the emulator (tests/e2e/fixtures.ts).
const APP_PORT = new URL(APP_URL).port;
const SANDBOX_PORT = new URL(SANDBOX_URL).port;

// Use the machine's Chromium where there is one (CI here cannot download Playwright's browsers); elsewhere fall
// back to Playwright's own browser (`npx playwright install chromium`).
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (path): path is string => Boolean(path && existsSync(path)),
);
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Keep the browser on loopback: nothing in these tests may reach the internet.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

export default defineConfig({
  testDir: "tests/e2e",
  // One worker: tests sign in as the same seeded user, and Astra keeps one valid token per user and client.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium ? { executablePath: systemChromium, args: chromiumArgs } : { args: chromiumArgs },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx sandbox/src/index.ts",
      url: `${SANDBOX_URL}/sandbox/health`,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        SANDBOX_PORT,
        SANDBOX_DB: ":memory:",
        SANDBOX_REDIRECT_URIS: `${APP_URL}/api/auth/callback/astra,${APP_URL}/accounts/linked`,
        SANDBOX_WEBHOOK_URL: `${APP_URL}/api/webhooks/astra`,
      },
    },
    {
      command: `npx next start --port ${APP_PORT}`,
      url: APP_URL,
      reuseExistingServer: false,
      env: {
        ASTRA_ENV: "emulator",
        ASTRA_API_URL: SANDBOX_URL,
        ASTRA_APP_URL: SANDBOX_URL,
        AUTH_URL: APP_URL,
        AUTH_SECRET: E2E_AUTH_SECRET,
      },
    },
  ],
});
