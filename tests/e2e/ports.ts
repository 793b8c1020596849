// Where the e2e suite runs its own app and emulator: ports apart from `npm run dev` (3000/4010). Override them
// with E2E_APP_PORT / E2E_EMULATOR_PORT (or E2E_SANDBOX_PORT) to run two suites side by side on one machine.
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from "../../config/emulator-defaults";
import { ON_ASTRA_SANDBOX, sandboxKeys } from "./target";

const appPort = process.env.E2E_APP_PORT ?? "3100";
const sandboxPort = process.env.E2E_EMULATOR_PORT ?? process.env.E2E_SANDBOX_PORT ?? "4100";
const demoPort = process.env.E2E_DEMO_PORT ?? "3105";
export const APP_URL = `http://localhost:${appPort}`;
export const EMULATOR_URL = `http://localhost:${sandboxPort}`;
/** The same build in demo mode (ASTRA_ENV=demo): the emulator inside the app at /emulator, one port. */
export const DEMO_URL = `http://localhost:${demoPort}`;
/** The app's keys: the emulator's seeded app by default, your sandbox app's with E2E_TARGET=sandbox. */
const keys = ON_ASTRA_SANDBOX ? sandboxKeys() : { clientId: EMULATOR_CLIENT_ID, clientSecret: EMULATOR_CLIENT_SECRET };
export const CLIENT_ID = keys.clientId;
export const CLIENT_SECRET = keys.clientSecret;
/** The app's AUTH_SECRET in the suite; tests use it to read the tokens the session cookie holds (secrets.spec.ts). */
export const E2E_AUTH_SECRET = "e2e-only-auth-secret-0123456789abcdef";
