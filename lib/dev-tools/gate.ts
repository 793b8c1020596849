// The developer tools exist only against the emulator (local, or inside the app in demo mode): its control API
// is not part of Astra, and a drawer that can expire tokens or reset data has no place next to Astra's sandbox
// or production.
import { usesEmulator, type Env } from "@/lib/env";

export function devToolsEnabled(env: Pick<Env, "astraEnv">): boolean {
  return usesEmulator(env);
}
