import { ENVIRONMENT_LABELS } from "@/config/site";
import { getEnv } from "@/lib/env";

const TONES = {
  emulator: "bg-warning-soft text-warning ring-warning-line",
  demo: "bg-warning-soft text-warning ring-warning-line",
  sandbox: "bg-info-soft text-info ring-info-line",
  production: "bg-success-soft text-success ring-success-line",
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
