import type { StatusWords, Tone } from "@/lib/astra/status-words";

const TONES: Record<Tone, string> = {
  positive: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  waiting: "bg-amber-50 text-amber-800 ring-amber-200",
  negative: "bg-rose-50 text-rose-800 ring-rose-200",
};

export function StatusBadge({ words }: { words: StatusWords }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[words.tone]}`}>
      {words.label}
    </span>
  );
}
