// Dev tools exist only against the emulator: its control API is not Astra's.
import { usesEmulator, type Env } from "@/lib/env";

export function devToolsEnabled(env: Pick<Env, "astraEnv">): boolean {
  return usesEmulator(env);
}
