import type { Metadata } from "next";
import { loadPageData } from "@/components/load-page-data";
import { RoutineActionButton } from "@/components/routines/routine-controls";
import { StatusBadge } from "@/components/status-badge";
import { CancelTransferButton } from "@/components/transfers/cancel-transfer-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, PastTheEnd } from "@/components/ui/pager";
import { Panel, PanelRow } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { paymentMethodLabels } from "@/lib/astra/payment-methods";
import { getRoutine, getRoutineTransfers } from "@/lib/astra/routines";
import { formatAstraTimestamp, formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";
import { pageHref, parsePageParam } from "@/lib/paging";
import { cancelTransferAction } from "@/lib/transfers/actions";
import { cancelRoutineAction, pauseRoutineAction, resumeRoutineAction } from "./actions";

export const metadata: Metadata = { title: "Routine" };

type Params = Promise<{ id: string }>;

type Query = Promise<{ created?: string; page?: string | string[] }>;

export default async function RoutinePage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const { id } = await params;
  const query = await searchParams;
  const created = query.created;
  const page = parsePageParam(query.page);
  const base = `/routines/${encodeURIComponent(id)}`;
  const loaded = await loadPageData(
    (token) =>
      Promise.all([getRoutine(token, id), getRoutineTransfers(token, id, { page }), paymentMethodLabels(token)]),
    { path: pageHref(base, {}, page), notFoundPage: true },
  );
  if (!loaded.ok) return loaded.panel;
  const [routine, transferPage, labels] = loaded.data;
  const transfers = transferPage.transfers;
  const name = (id: string) => labels[id] ?? "Another account";
  const pendingTransfer = transfers.find((t) => t.cancellable);

  return (
    <div className="space-y-8">
      {created ? (
        <p
          role="status"
          className="rounded-control border border-success-line bg-success-soft p-3 text-sm text-success-ink"
        >
          Routine created.
        </p>
      ) : null}
      <PageHeader
        title={routine.name}
        back={{ href: "/routines", label: "All routines" }}
        description={
          <>
            {formatUsd(routine.amount)} from {name(routine.sourceId)} to {name(routine.destinationId)},{" "}
            {routine.type === "one-time" && !routine.frequency ? "once" : routine.schedule.toLowerCase()}
            {routine.startDate ? `, from ${formatCalendarDate(routine.startDate)}` : ""}.
            {routine.settlement ? (
              <span className="block text-sm text-subtle">Settles in: {routine.settlement}</span>
            ) : null}
          </>
        }
      />

      <Panel as="section" aria-labelledby="status-heading" className="p-5">
        <h2 id="status-heading" className="font-semibold">
          Status: {routine.words.label}
        </h2>
        <p className="mt-1 text-sm text-muted" data-testid="status-explanation">
          {routine.words.explanation}
        </p>
        {routine.words.fix === "verify-identity" ? (
          <TextLink href="/verify" prefetch={false} inline className="mt-3 inline-block text-sm">
            Verify your identity with Astra
          </TextLink>
        ) : null}
        {routine.words.fix === "link-account" ? (
          <TextLink href="/accounts/link" prefetch={false} inline className="mt-3 inline-block text-sm">
            Reconnect a bank account
          </TextLink>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          {routine.canPause ? (
            <RoutineActionButton
              routineId={routine.id}
              action={pauseRoutineAction}
              label="Pause"
              pendingLabel="Pausing…"
            />
          ) : null}
          {routine.canResume ? (
            <RoutineActionButton
              routineId={routine.id}
              action={resumeRoutineAction}
              label="Resume"
              pendingLabel="Resuming…"
            />
          ) : null}
          {routine.cancellable ? (
            <RoutineActionButton
              routineId={routine.id}
              action={cancelRoutineAction}
              label="Cancel routine"
              pendingLabel="Cancelling…"
              confirm={{
                title: "Cancel this routine?",
                description: "No more transfers will be made. Transfers already on their way continue.",
                confirmLabel: "Yes, cancel routine",
                keepLabel: "Keep routine",
              }}
              danger
            />
          ) : null}
          {routine.type === "one-time" && pendingTransfer ? (
            <div className="flex items-center gap-2 text-sm">
              <span className="text-muted">One-time routines are stopped by cancelling their transfer:</span>
              <CancelTransferButton transferId={pendingTransfer.id} action={cancelTransferAction} />
            </div>
          ) : null}
        </div>
      </Panel>

      {routine.nextRuns.length > 0 ? (
        <section aria-labelledby="next-heading" className="space-y-2">
          <h2 id="next-heading" className="text-lg font-semibold">
            Next transfers
          </h2>
          <ol className="grid gap-1 text-sm text-ink-soft">
            {routine.nextRuns.map((date) => (
              <li key={date}>{formatCalendarDate(date)}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="transfers-heading" className="space-y-2">
        <h2 id="transfers-heading" className="text-lg font-semibold">
          Transfers
        </h2>
        {transfers.length === 0 && page > 1 ? (
          <PastTheEnd path={base} page={page} />
        ) : transfers.length === 0 ? (
          <EmptyState compact>No transfers yet. The first one is made on its scheduled date.</EmptyState>
        ) : (
          <Panel as="ul" divided>
            {transfers.map((transfer) => (
              <PanelRow key={transfer.id} className="text-sm" data-testid="routine-transfer">
                <span>{formatAstraTimestamp(transfer.initiated)}</span>
                <span className="flex items-center gap-3">
                  <span className="tabular-nums">{formatUsd(transfer.amount)}</span>
                  <StatusBadge words={transfer.words} />
                </span>
              </PanelRow>
            ))}
          </Panel>
        )}
        <Pager label="Transfers pages" path={base} info={transferPage.paging} />
      </section>
    </div>
  );
}
