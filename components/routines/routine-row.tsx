import { AccountLabel } from "@/components/accounts/account-label";
import { StatusBadge } from "@/components/status-badge";
import { PanelRow } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import type { RoutineView } from "@/lib/astra/routines";
import { formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

/** One routine in a list: name and amount, from → to, schedule and next date, status. */
export function RoutineRow({ routine, accountNames }: { routine: RoutineView; accountNames: Record<string, string> }) {
  const next = routine.nextRuns[0];
  return (
    <PanelRow className="items-start">
      <div className="min-w-0 flex-1 space-y-1">
        <TextLink href={`/routines/${routine.id}`}>{routine.name}</TextLink>
        <p className="text-sm text-ink-soft">
          <AccountLabel label={accountNames[routine.sourceId] ?? "Another account"} /> →{" "}
          <AccountLabel label={accountNames[routine.destinationId] ?? "Another account"} />
        </p>
        <p className="text-sm text-muted">
          {routine.schedule}
          {next ? ` · next ${formatCalendarDate(next)}` : ""}
        </p>
      </div>
      <div className="flex flex-col items-end gap-2">
        <span className="font-semibold tabular-nums">{formatUsd(routine.amount)}</span>
        <StatusBadge words={routine.words} />
      </div>
    </PanelRow>
  );
}
