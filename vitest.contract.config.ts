// `npm run test:contract`: black-box checks of the Astra API surface the app uses, against the emulator (a
// child process started by tests/contract/global-setup.ts) or, with ASTRA_CONTRACT_ENV=sandbox, Astra's own
// sandbox. See docs/testing.md.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "contract",
    include: ["tests/contract/**/*.contract.test.ts"],
    environment: "node",
    globalSetup: ["tests/contract/global-setup.ts"],
    setupFiles: ["tests/contract/sign-in.setup.ts"],
    // One worker, files one after another, modules shared between files: one signed-in user for the whole
    // run (a person signs in by hand on Astra's sandbox), and Astra keeps one valid access token per user.
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    isolate: false,
    // Sign-in waits in a hook with its own, longer timeout (tests/contract/sign-in.setup.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/contract.json" }]],
  },
});
