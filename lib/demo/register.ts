// Demo mode's hook into the core: the emulator mounted at /emulator, answering the app's Astra calls in-process.
import "server-only";
import { hostedEmulator } from "@/app/emulator/hosted-emulator";

export function registerDemo(): void {
  hostedEmulator(); // registers itself and the in-process transport (lib/demo/transport.ts)
}
