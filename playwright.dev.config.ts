import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumProject, findSystemChromium, LOOPBACK_ONLY } from "./tests/chromium";
import { APP_URL, E2E_AUTH_SECRET, EMULATOR_URL } from "./tests/e2e/ports";

// The app under `next dev` (through `npm run dev:app`'s script) with the emulator stopped: what a newcomer sees
// when only the app runs. The e2e suite's ports; nothing listens on the emulator's. No build needed, but a dev
// server of this checkout must not be running (Next allows one per folder).
export default defineConfig({
  testDir: "tests/dev-mode",
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // `next dev` compiles each page on its first visit, slowly on a busy machine.
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-dev.json" }]],
  outputDir: "test-results/dev-mode",
  use: { baseURL: APP_URL, trace: "retain-on-failure" },
  projects: [chromiumProject(findSystemChromium(process.env.CHROMIUM_PATH), [...CHROMIUM_FLAGS, LOOPBACK_ONLY])],
  webServer: {
    command: "npx tsx scripts/dev-app.ts",
    url: `${APP_URL}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      NODE_ENV: "development",
      ASTRA_ENV: "emulator",
      ASTRA_API_URL: EMULATOR_URL,
      ASTRA_APP_URL: EMULATOR_URL,
      AUTH_URL: APP_URL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      PORT: "",
    },
  },
});
