import { loadPageData } from "@/components/load-page-data";
import { RoutineRow } from "@/components/routines/routine-row";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel, PanelRow } from "@/components/ui/panel";
import { RowsSkeleton, Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { paymentMethodLabels } from "@/lib/astra/payment-methods";
import { getRoutines } from "@/lib/astra/routines";
import { getTransfers } from "@/lib/astra/transfers";
import { formatAstraTimestamp } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

/** Routines that will run, with their next date, and the latest transfers. */
export async function Activity({ path }: { path: string }) {
  const loaded = await loadPageData(
    (token) =>
      Promise.all([
        getRoutines(token, { pageSize: 100 }),
        getTransfers(token, { pageSize: 10 }),
        paymentMethodLabels(token),
      ]),
    { path },
  );
  if (!loaded.ok) return loaded.panel;
  const [routines, transfers, accountNames] = loaded.data;
  const upcoming = routines.routines.filter((r) => r.nextRuns.length > 0).slice(0, 5);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="routines-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="routines-heading" className="text-lg font-semibold">
            Upcoming routines
          </h2>
          <TextLink href="/routines" className="text-sm">
            All routines
          </TextLink>
        </div>
        {upcoming.length === 0 ? (
          <EmptyState compact>
            Nothing scheduled.{" "}
            <TextLink href="/routines/new" inline>
              Set up a routine
            </TextLink>{" "}
            to move money once or on a schedule.
          </EmptyState>
        ) : (
          <Panel as="ul" divided>
            {upcoming.map((routine) => (
              <RoutineRow key={routine.id} routine={routine} accountNames={accountNames} />
            ))}
          </Panel>
        )}
      </section>
      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent transfers
          </h2>
          <TextLink href="/transfers" className="text-sm">
            All transfers
          </TextLink>
        </div>
        {transfers.transfers.length === 0 ? (
          <EmptyState compact>No transfers yet.</EmptyState>
        ) : (
          <Panel as="ul" divided>
            {transfers.transfers.slice(0, 5).map((transfer) => (
              <PanelRow key={transfer.id} className="text-sm">
                <div>
                  <p className="font-medium">{transfer.routineName}</p>
                  <p className="text-muted">{formatAstraTimestamp(transfer.initiated)}</p>
                </div>
                <div className="flex items-center gap-3">
                  <span className="tabular-nums">{formatUsd(transfer.amount)}</span>
                  <StatusBadge words={transfer.words} />
                </div>
              </PanelRow>
            ))}
          </Panel>
        )}
      </section>
    </div>
  );
}

/** Both columns of the activity while Astra answers: a heading and a few rows each. */
export function ActivitySkeleton() {
  return (
    <div className="grid gap-6 lg:grid-cols-2" role="status" aria-label="Loading activity">
      {[0, 1].map((column) => (
        <div key={column} className="space-y-3">
          <Skeleton className="h-6 w-44" />
          <RowsSkeleton rows={2} />
        </div>
      ))}
    </div>
  );
}
