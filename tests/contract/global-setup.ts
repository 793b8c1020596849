// Runs once before the contract files: reads the target, starts the loopback receiver and (for the emulator
// target) the emulator itself, and hands the test files what they need to reach them.
import type { TestProject } from "vitest/node";
import { startEmulator, type EmulatorProcess } from "./emulator-process";
import { readContractEnv } from "./env";
import { startReceiver, WEBHOOK_PATH, type Receiver } from "./receiver";
import type { ContractTarget } from "./target";

const EMULATOR_CALLBACK_PATH = "/callback";

declare module "vitest" {
  export interface ProvidedContext {
    contract: ContractTarget;
  }
}

export default async function setup(project: TestProject) {
  const env = readContractEnv();
  const closers: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };

  try {
    let target: ContractTarget;
    if (env.target === "emulator") {
      const receiver: Receiver = await startReceiver({ port: 0, callbackPath: EMULATOR_CALLBACK_PATH });
      closers.push(receiver.close);
      const redirectUri = `${receiver.origin}${EMULATOR_CALLBACK_PATH}`;
      const emulator: EmulatorProcess = await startEmulator({
        port: env.emulatorPort,
        redirectUris: [redirectUri],
        webhookUrl: `${receiver.origin}${WEBHOOK_PATH}`,
      });
      closers.push(emulator.stop);
      target = { ...env, redirectUri, callbackReceiver: receiver.origin, webhookReceiver: receiver.origin };
    } else {
      let callbackReceiver: string | undefined;
      if (env.redirectUri) {
        const registered = new URL(env.redirectUri);
        const receiver = await startReceiver({
          port: Number(registered.port || 80),
          callbackPath: registered.pathname,
        });
        closers.push(receiver.close);
        callbackReceiver = receiver.origin;
      }
      let webhookReceiver: string | undefined;
      if (env.webhookPort) {
        const receiver = await startReceiver({ port: env.webhookPort, callbackPath: "/no-callback-here" });
        closers.push(receiver.close);
        webhookReceiver = receiver.origin;
      }
      target = { ...env, callbackReceiver, webhookReceiver };
    }
    project.provide("contract", target);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
