import { ENVIRONMENT_LABELS } from "@/config/site";
import { getEnv } from "@/lib/env";

const TONES = {
  emulator: "bg-amber-50 text-amber-800 ring-amber-200",
  sandbox: "bg-sky-50 text-sky-800 ring-sky-200",
  production: "bg-emerald-50 text-emerald-800 ring-emerald-200",
} as const;

/** Says which Astra the app talks to, so nobody mistakes the emulator for real money. */
export function EnvironmentBadge() {
  const { astraEnv } = getEnv();
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[astraEnv]}`}>
      {ENVIRONMENT_LABELS[astraEnv]}
    </span>
  );
}
