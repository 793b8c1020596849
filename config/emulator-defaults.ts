// The local emulator's public defaults, written once: the seeded developer app (its keys, redirect URIs and
// webhook URL) and the dashboard login. Both sides read them: the emulator seeds its store with them
// (sandbox/src/store/seed.ts, sandbox/src/env.ts) and the app falls back to them when ASTRA_ENV=emulator
// (lib/env.ts), as do the scripts and tests. Plain constants with no imports, so the emulator may import this
// file from outside sandbox/ (eslint.config.mjs allows it and lib/astra/schemas.ts, nothing else).
// These values are public on purpose; lib/env.ts refuses the secret outside the emulator.

/** Where `npm run dev` serves each program. */
export const EMULATOR_ORIGIN = "http://localhost:4010";
export const DEV_APP_ORIGIN = "http://localhost:3000";

export const EMULATOR_CLIENT_ID = "astra_emulator_client";
export const EMULATOR_CLIENT_SECRET = "astra_emulator_secret_do_not_use_in_production";
export const EMULATOR_APP_NAME = "Astra Next.js Starter";

/** The app's sign-in callback (Auth.js) and its return page after bank linking (/institutions/connect). */
export const EMULATOR_REDIRECT_URIS: readonly string[] = [
  `${DEV_APP_ORIGIN}/api/auth/callback/astra`,
  `${DEV_APP_ORIGIN}/accounts/linked`,
];
export const EMULATOR_WEBHOOK_URL = `${DEV_APP_ORIGIN}/api/webhooks/astra`;

/** The developer who owns the seeded app in the emulator's dashboard (/dashboard). */
export const EMULATOR_DEVELOPER_EMAIL = "developer@example.com";
export const EMULATOR_DEVELOPER_PASSWORD = "sandbox-password";
