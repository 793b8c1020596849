// What the test files know about the target (from the global setup), and the marks for checks that only the
// emulator can run.
import { inject, type TestContext } from "vitest";
import type { ContractEnv } from "./env";
import { RECEIVED_PATH, type Received } from "./receiver";

export type ContractTarget = ContractEnv & {
  /** Registered redirect URI that the suite's loopback receiver answers; undefined: no module walk. */
  redirectUri: string | undefined;
  callbackReceiver: string | undefined;
  webhookReceiver: string | undefined;
};

export const target = (): ContractTarget => inject("contract");
export const onEmulator = (): boolean => target().target === "emulator";

/**
 * Skips a check on Astra's sandbox. Use for what needs the emulator's control API (/sandbox/…: the clock,
 * reset) or its loopback webhook delivery; say why in `reason`.
 */
export function emulatorOnly(context: TestContext, reason: string): void {
  context.skip(!onEmulator(), `emulator-only: ${reason}`);
}

export async function received(origin: string): Promise<Received> {
  const response = await fetch(`${origin}${RECEIVED_PATH}`);
  return (await response.json()) as Received;
}
