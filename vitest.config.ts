import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const emulatorProjects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: "emulator",
      include: ["packages/astra-emulator/tests/**/*.test.ts"],
      exclude: ["packages/astra-emulator/tests/postgres/**"],
      environment: "node",
    },
  },
  // The same emulator suite with the store on Postgres, plus the Postgres adapter's own tests. The global
  // setup starts a throwaway server (or uses TEST_DATABASE_URL); see packages/astra-emulator/docs/store.md.
  {
    extends: true,
    test: {
      name: "emulator-pg",
      include: ["packages/astra-emulator/tests/**/*.test.ts"],
      exclude: ["packages/astra-emulator/tests/unit/**"],
      environment: "node",
      globalSetup: ["packages/astra-emulator/tests/support/postgres-global-setup.ts"],
      setupFiles: ["packages/astra-emulator/tests/support/postgres-store-setup.ts"],
      // Every statement is a round trip to a server on a shared machine: allow a slow test more time.
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  },
];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // `server-only` throws outside a React Server Components bundle; in tests it is just a marker.
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts") },
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    // emulator-pg's global teardown empties a TEST_DATABASE_URL server: one database per test store to drop.
    teardownTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        // The app's shared state on a real Postgres, which the project's setup starts (tests/app-state).
        extends: true,
        test: {
          name: "app-state",
          include: ["tests/app-state/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/app-state/global-setup.ts"],
        },
      },
      // The emulator's own suites, while it is part of this repository (npm run remove-emulator).
      ...(existsSync(path.resolve(import.meta.dirname, "packages/astra-emulator")) ? emulatorProjects : []),
    ],
  },
});
