import { getEnv, usesEmulator } from "@/lib/env";
import { publicDemo } from "@/lib/plugins";

/** In emulator mode, tells a first-time visitor exactly what to type on Astra's pages. */
export function EmulatorHint() {
  const env = getEnv();
  if (!usesEmulator(env) || publicDemo()) return null;
  return (
    <aside className="max-w-xl rounded-control border border-warning-line bg-warning-soft p-4 text-sm text-warning-ink">
      <p className="font-semibold">Trying it locally?</p>
      <p className="mt-1">
        The local Astra emulator has a seed user: phone{" "}
        <strong className="font-mono whitespace-nowrap">(202) 555-0123</strong>, verification code{" "}
        <strong className="font-mono">123456</strong>. Any number from 2025550100 to 2025550199 works with the same code
        and starts a new user.
      </p>
    </aside>
  );
}
