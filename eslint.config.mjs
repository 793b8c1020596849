import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The zones of docs/architecture.md; the demo glue's block below repeats them without the first.
const appMayNotImportEmulator = {
  target: ["./lib", "./components", "./app", "./proxy.ts", "./instrumentation.ts"],
  from: "./sandbox",
  message:
    "The app reaches the emulator over HTTP only, as it would reach Astra (demo mode: app/emulator/hosted-emulator.ts).",
};
const emulatorBoundaries = [
  {
    // Everything outside sandbox/ but its packages, the wire contract and the shared public defaults.
    target: "./sandbox",
    from: ".",
    except: ["./sandbox", "./node_modules", "./lib/astra/schemas.ts", "./config/emulator-defaults.ts"],
    message:
      "The emulator imports from outside sandbox/ only lib/astra/schemas.ts (the wire contract) and config/emulator-defaults.ts.",
  },
  {
    // Both sides import it, so it must stay plain constants that pull nothing in.
    target: "./config/emulator-defaults.ts",
    from: ".",
    message: "config/emulator-defaults.ts holds plain constants and imports nothing.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "out/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".sandbox/**"]),
  {
    rules: {
      // Configuration is parsed and validated once (lib/env.ts, sandbox/src/env.ts); nothing else reads it raw.
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through lib/env.ts (or sandbox/src/env.ts).",
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
    // (or the emulator) only over HTTP, and the emulator borrows nothing from the app but the wire schemas and the
    // emulator's public defaults.
    // import/no-restricted-paths resolves each import to a file, so relative and "@/" paths are caught alike.
    rules: {
      "import/no-restricted-paths": ["error", { zones: [appMayNotImportEmulator, ...emulatorBoundaries] }],
    },
  },
  {
    // Demo mode's glue builds the emulator mounted at /emulator and registers it for lib/astra/transport.ts: the
    // one app file that may import sandbox/ (lib/ still only sees the registry).
    files: ["app/emulator/hosted-emulator.ts"],
    rules: { "import/no-restricted-paths": ["error", { zones: emulatorBoundaries }] },
  },
  {
    files: [
      "lib/env.ts",
      "lib/demo/env.ts",
      "sandbox/src/env.ts",
      "playwright.config.ts",
      "playwright.multi.config.ts",
      "scripts/**",
      "tests/e2e/**",
      "tests/multi-instance/**",
      "tests/contract/env.ts",
      "tests/contract/emulator-process.ts",
      "tests/support/**",
      "tests/app-state/global-setup.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Playwright fixtures call a parameter named `use`; it is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The emulator renders hono/jsx pages on its own server: Next.js page rules do not apply there.
    files: ["sandbox/**"],
    rules: { "@next/next/no-head-element": "off", "@next/next/no-html-link-for-pages": "off" },
  },
]);
