// The one place plug-ins join the app, chosen by the mode lib/env.ts parsed; runs at boot (lib/boot-check.ts).
// `npm run remove-emulator` takes them out (demo mode needs the dev tools' control API).
import "server-only";
import { getDemoEnv } from "@/lib/demo/env";
import { kycOutcomes } from "@/lib/dev-tools/kyc-outcomes";
import { getEnv, usesEmulator } from "@/lib/env";

const REGISTERED = Symbol.for("astra-nextjs-starter.plugins-registered");
const shared = globalThis as typeof globalThis & { [REGISTERED]?: boolean };

export async function registerPlugins(): Promise<void> {
  if (shared[REGISTERED]) return;
  shared[REGISTERED] = true;
  const env = getEnv();
  if (usesEmulator(env)) (await import("@/lib/dev-tools/register")).registerDevTools();
  if (env.astraEnv === "demo") (await import("@/lib/demo/register")).registerDemo();
}

/** The public demo: people sign in only through Try the demo, so the app's own sign-in and test users close. */
export const publicDemo = (): boolean => getEnv().astraEnv === "demo" && getDemoEnv().publicDemo;

export type TestUserOutcomes = { ssn: string; choices: Record<string, { label: string; ipAddress: string }> };

/** The KYC outcomes the test-user form offers instead of an SSN; null against Astra itself. */
export const testUserOutcomes = (): TestUserOutcomes | null => (usesEmulator(getEnv()) ? kycOutcomes : null);
