// Demo mode's hook into the core: the emulator mounted at /emulator, answering the app's Astra calls in-process.
import "server-only";
import { hostedEmulator } from "@/app/emulator/hosted-emulator";
import { getDemoEnv } from "./env";

export function registerDemo(): void {
  getDemoEnv(); // a wrong setting stops the boot (lib/boot-check.ts), not the first visitor
  hostedEmulator(); // registers itself and the in-process transport (lib/demo/transport.ts)
}
