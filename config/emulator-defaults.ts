// The local emulator's public defaults, which the app, scripts and tests fall back to when ASTRA_ENV=emulator
// (lib/env.ts). The emulator package keeps an equal copy (its tests/defaults.test.ts); public on purpose.

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
