// Which Astra the e2e suite runs against. Default: its own emulator. E2E_TARGET=sandbox: Astra's real sandbox
// with your app's keys; the config then starts no emulator, and tests tagged @emulator-only are skipped
// (they need the emulator's seed data, its module pages or its control API). See docs/testing.md.
const value = process.env.E2E_TARGET ?? "emulator";
if (value !== "emulator" && value !== "sandbox") {
  throw new Error(`E2E_TARGET=${value}: use "emulator" (the default) or "sandbox".`);
}
export const E2E_TARGET: "emulator" | "sandbox" = value;
export const ON_ASTRA_SANDBOX = E2E_TARGET === "sandbox";

/** Tag for tests that cannot run against Astra's sandbox; tests/e2e/fixtures.ts skips them there. */
export const EMULATOR_ONLY = "@emulator-only";
export const EMULATOR_ONLY_REASON =
  "emulator-only: needs the emulator's seed data, its scripted module pages or its control API";

/** The sandbox app's keys, required there; the emulator uses its seeded app. */
export function sandboxKeys(): { clientId: string; clientSecret: string } {
  const clientId = process.env.ASTRA_CLIENT_ID;
  const clientSecret = process.env.ASTRA_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Error("E2E_TARGET=sandbox needs ASTRA_CLIENT_ID and ASTRA_CLIENT_SECRET (your sandbox app's keys).");
  }
  return { clientId, clientSecret };
}

/** How long a person has to finish Astra's module by hand (E2E_LOGIN_TIMEOUT_S, default 300). */
export const SANDBOX_LOGIN_TIMEOUT_MS = Number(process.env.E2E_LOGIN_TIMEOUT_S ?? 300) * 1000;
