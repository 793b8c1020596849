// Where the e2e suite runs its own app and emulator: ports apart from `npm run dev` (3000/4010). Override them
// with E2E_APP_PORT / E2E_SANDBOX_PORT to run two suites side by side on one machine.
const appPort = process.env.E2E_APP_PORT ?? "3100";
const sandboxPort = process.env.E2E_SANDBOX_PORT ?? "4100";
export const APP_URL = `http://localhost:${appPort}`;
export const SANDBOX_URL = `http://localhost:${sandboxPort}`;
/** The emulator's seeded app, which the app uses by default in emulator mode. */
export const CLIENT_ID = "astra_emulator_client";
export const CLIENT_SECRET = "astra_emulator_secret_do_not_use_in_production";
/** The app's AUTH_SECRET in the suite; tests use it to read the tokens the session cookie holds (secrets.spec.ts). */
export const E2E_AUTH_SECRET = "e2e-only-auth-secret-0123456789abcdef";
