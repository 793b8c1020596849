import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { RoutineActionButton } from "@/components/routines/routine-controls";
import { StatusBadge } from "@/components/status-badge";
import { CancelTransferButton } from "@/components/transfers/cancel-transfer-button";
import { accountLabel, getAccounts } from "@/lib/astra/accounts";
import { AstraError } from "@/lib/astra/errors";
import { getRoutine, getRoutineTransfers } from "@/lib/astra/routines";
import { readFromAstra } from "@/lib/auth/astra-session";
import { formatAstraTimestamp, formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";
import { cancelTransferAction } from "../../transfers/actions";
import { cancelRoutineAction, pauseRoutineAction, resumeRoutineAction } from "../actions";

export const metadata: Metadata = { title: "Routine" };

type Params = Promise<{ id: string }>;

export default async function RoutinePage({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const { created } = await searchParams;
  const path = `/routines/${encodeURIComponent(id)}`;
  let data;
  try {
    data = await readFromAstra((token) => Promise.all([getRoutine(token, id), getRoutineTransfers(token, id), getAccounts(token)]));
  } catch (error) {
    if (error instanceof AstraError && error.kind === "not_found") notFound();
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={path} />;
    throw error;
  }
  const [routine, transfers, accounts] = data;
  const name = (accountId: string) => {
    const account = accounts.find((a) => a.id === accountId);
    return account ? accountLabel(account) : "Another account";
  };
  const pendingTransfer = transfers.find((t) => t.cancellable);

  return (
    <div className="space-y-8">
      {created ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          Routine created.
        </p>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <Link href="/routines" className="text-sm text-slate-500 hover:underline">← All routines</Link>
          <h1 className="text-2xl font-bold tracking-tight">{routine.name}</h1>
          <p className="text-slate-700">
            {formatUsd(routine.amount)} from {name(routine.sourceId)} to {name(routine.destinationId)},{" "}
            {routine.type === "one-time" && !routine.frequency ? "once" : routine.schedule.toLowerCase()}
            {routine.startDate ? `, from ${formatCalendarDate(routine.startDate)}` : ""}.
          </p>
          {routine.settlement ? <p className="text-sm text-slate-500">Settles in: {routine.settlement}</p> : null}
        </div>
      </div>

      <section aria-labelledby="status-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="status-heading" className="font-semibold">Status: {routine.words.label}</h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="status-explanation">{routine.words.explanation}</p>
        {routine.words.fix === "verify-identity" ? (
          <Link href="/verify" prefetch={false} className="mt-3 inline-block text-sm font-medium text-indigo-700 underline">
            Verify your identity with Astra
          </Link>
        ) : null}
        {routine.words.fix === "link-account" ? (
          <Link href="/accounts/link" prefetch={false} className="mt-3 inline-block text-sm font-medium text-indigo-700 underline">
            Reconnect a bank account
          </Link>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          {routine.canPause ? (
            <RoutineActionButton routineId={routine.id} action={pauseRoutineAction} label="Pause" pendingLabel="Pausing…" />
          ) : null}
          {routine.canResume ? (
            <RoutineActionButton routineId={routine.id} action={resumeRoutineAction} label="Resume" pendingLabel="Resuming…" />
          ) : null}
          {routine.cancellable ? (
            <RoutineActionButton
              routineId={routine.id}
              action={cancelRoutineAction}
              label="Cancel routine"
              pendingLabel="Cancelling…"
              confirm="Cancel this routine? No more transfers will be made. Transfers already on their way continue."
              danger
            />
          ) : null}
          {routine.type === "one-time" && pendingTransfer ? (
            <div className="flex items-center gap-2 text-sm">
              <span className="text-slate-600">One-time routines are stopped by cancelling their transfer:</span>
              <CancelTransferButton transferId={pendingTransfer.id} action={cancelTransferAction} />
            </div>
          ) : null}
        </div>
      </section>

      {routine.nextRuns.length > 0 ? (
        <section aria-labelledby="next-heading" className="space-y-2">
          <h2 id="next-heading" className="text-lg font-semibold">Next transfers</h2>
          <ol className="grid gap-1 text-sm text-slate-700">
            {routine.nextRuns.map((date) => (
              <li key={date}>{formatCalendarDate(date)}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="transfers-heading" className="space-y-2">
        <h2 id="transfers-heading" className="text-lg font-semibold">Transfers</h2>
        {transfers.length === 0 ? (
          <p className="text-sm text-slate-600">No transfers yet. The first one is made on its scheduled date.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {transfers.map((transfer) => (
              <li key={transfer.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm" data-testid="routine-transfer">
                <span>{formatAstraTimestamp(transfer.initiated)}</span>
                <span className="tabular-nums">{formatUsd(transfer.amount)}</span>
                <StatusBadge words={transfer.words} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
