import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The zones of docs/architecture.md; the demo glue's block below repeats them without the first.
const appMayNotImportEmulator = {
  target: ["./lib", "./components", "./app", "./proxy.ts", "./instrumentation.ts"],
  from: "./packages/astra-emulator",
  message:
    "The app reaches the emulator over HTTP only, as it would reach Astra (demo mode: app/emulator/hosted-emulator.ts).",
};
const emulatorBoundaries = [
  {
    // The package stands alone: nothing outside it but its own dependencies.
    target: "./packages/astra-emulator/src",
    from: ".",
    except: ["./packages/astra-emulator", "./node_modules"],
    message: "The emulator package imports nothing from the app (it has its own wire-schemas.ts and defaults.ts).",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "out/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".sandbox/**"]),
  {
    rules: {
      // Configuration is parsed and validated once (lib/env.ts, packages/astra-emulator/src/env.ts); nothing else reads it raw.
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through lib/env.ts (or packages/astra-emulator/src/env.ts).",
        },
      ],
    },
  },
  {
    // The mode is decided once, by lib/env.ts (which infers it on Vercel when ASTRA_ENV is unset): a raw read
    // elsewhere disagrees with it in exactly that case.
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='ASTRA_ENV']",
          "MemberExpression[object.object.name='process'][object.property.name='env'][property.value='ASTRA_ENV']",
          "VariableDeclarator[init.object.name='process'][init.property.name='env'] Property[key.name='ASTRA_ENV']",
        ].map((selector) => ({
          selector,
          message: "Read the mode from getEnv().astraEnv (lib/env.ts), which also infers it on Vercel.",
        })),
      ],
    },
  },
  {
    // The boundaries of docs/architecture.md, kept by the linter rather than by memory: the app talks to Astra
    // (or the emulator) only over HTTP, and the emulator borrows nothing from the app.
    // import/no-restricted-paths resolves each import to a file, so relative and "@/" paths are caught alike.
    rules: {
      "import/no-restricted-paths": ["error", { zones: [appMayNotImportEmulator, ...emulatorBoundaries] }],
    },
  },
  {
    // Demo mode mounts the emulator at /emulator; it and the developer tools are the app's only in-process users.
    files: ["app/emulator/**", "lib/demo/**", "lib/dev-tools/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: emulatorBoundaries }] },
  },
  {
    files: [
      "lib/env.ts",
      "lib/demo/env.ts",
      "packages/astra-emulator/src/env.ts",
      "playwright.config.ts",
      "playwright.multi.config.ts",
      "playwright.dev.config.ts",
      "scripts/**",
      "tests/e2e/**",
      "tests/multi-instance/**",
      "tests/contract/env.ts",
      "tests/contract/emulator-process.ts",
      "tests/support/**",
      "packages/astra-emulator/tests/support/**",
      "tests/app-state/global-setup.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // A route's actions serve that route alone; actions that two routes share live in lib/.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../**/actions", "@/app/**/actions"], message: "Import shared actions from lib/." }] },
      ],
    },
  },
  {
    // Playwright fixtures call a parameter named `use`; it is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The emulator renders hono/jsx pages on its own server: Next.js page rules do not apply there.
    files: ["packages/astra-emulator/**"],
    rules: { "@next/next/no-head-element": "off", "@next/next/no-html-link-for-pages": "off" },
  },
]);
