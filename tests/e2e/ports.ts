// Where the e2e suite runs its own app and emulator: ports apart from `npm run dev` (3000/4010).
export const APP_URL = "http://localhost:3100";
export const SANDBOX_URL = "http://localhost:4100";
/** The emulator's seeded app, which the app uses by default in emulator mode. */
export const CLIENT_ID = "astra_emulator_client";
export const CLIENT_SECRET = "astra_emulator_secret_do_not_use_in_production";
