// The one place plug-ins join the app, chosen by the mode lib/env.ts parsed; runs at boot (lib/boot-check.ts).
// Removing one: delete its folders (demo mode: lib/demo, components/demo, app/emulator, app/api/cron/emulator;
// the dev tools, which demo mode needs: lib/dev-tools, components/dev-tools, app/api/dev-tools), its lines here,
// and make its slots in components/plugin-slots.tsx `() => null`.
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

/** KYC outcomes the test-user form offers instead of an SSN: the SSN sent with one, and each one's ip_address. */
export type TestUserOutcomes = { ssn: string; choices: Record<string, { label: string; ipAddress: string }> };

/** The emulator's outcomes (the dev tools'); null against Astra itself. */
export const testUserOutcomes = (): TestUserOutcomes | null => (usesEmulator(getEnv()) ? kycOutcomes : null);
