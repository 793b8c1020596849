import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "out/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".sandbox/**"]),
  {
    rules: {
      // Configuration is parsed and validated once (lib/env.ts, sandbox/src/env.ts); nothing else reads it raw.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (or sandbox/src/env.ts)." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "sandbox/src/env.ts",
      "playwright.config.ts",
      "scripts/**",
      "tests/e2e/**",
      "tests/contract/env.ts",
      "tests/contract/emulator-process.ts",
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
