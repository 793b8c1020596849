import type { StatusWords, Tone } from "@/lib/astra/status-words";

const TONES: Record<Tone, string> = {
  positive: "bg-success-soft text-success ring-success-line",
  neutral: "bg-surface-muted text-ink-soft ring-line",
  waiting: "bg-warning-soft text-warning ring-warning-line",
  negative: "bg-danger-soft text-danger ring-danger-line",
};

export function StatusBadge({ words }: { words: StatusWords }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[words.tone]}`}
    >
      {words.label}
    </span>
  );
}
