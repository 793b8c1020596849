import Link from "next/link";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { StatusBadge } from "@/components/status-badge";
import { AstraError } from "@/lib/astra/errors";
import { getRoutines } from "@/lib/astra/routines";
import { getTransfers } from "@/lib/astra/transfers";
import { readFromAstra } from "@/lib/auth/astra-session";
import { formatAstraTimestamp, formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

/** Routines that will run, with their next date, and the latest transfers. */
export async function Activity({ path }: { path: string }) {
  let data;
  try {
    data = await readFromAstra((token) => Promise.all([getRoutines(token), getTransfers(token, { pageSize: 10 })]));
  } catch (error) {
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={path} />;
    throw error;
  }
  const [routines, transfers] = data;
  const upcoming = routines.routines.filter((r) => r.nextRuns.length > 0).slice(0, 5);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="routines-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="routines-heading" className="text-lg font-semibold">Upcoming routines</h2>
          <Link href="/routines" className="text-sm font-medium text-indigo-700 hover:underline">All routines</Link>
        </div>
        {upcoming.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-600">
            Nothing scheduled. <Link href="/routines/new" className="font-medium text-indigo-700 underline">Set up a routine</Link> to move money once or on a schedule.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {upcoming.map((routine) => (
              <li key={routine.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <div>
                  <Link href={`/routines/${routine.id}`} className="font-medium text-indigo-700 hover:underline">{routine.name}</Link>
                  <p className="text-slate-600">
                    {routine.schedule} · next {formatCalendarDate(routine.nextRuns[0]!)}
                  </p>
                </div>
                <span className="font-medium tabular-nums">{formatUsd(routine.amount)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold">Recent transfers</h2>
          <Link href="/transfers" className="text-sm font-medium text-indigo-700 hover:underline">All transfers</Link>
        </div>
        {transfers.transfers.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-600">No transfers yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {transfers.transfers.slice(0, 5).map((transfer) => (
              <li key={transfer.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <div>
                  <p className="font-medium">{transfer.routineName}</p>
                  <p className="text-slate-600">{formatAstraTimestamp(transfer.initiated)}</p>
                </div>
                <div className="flex items-center gap-3">
                  <span className="tabular-nums">{formatUsd(transfer.amount)}</span>
                  <StatusBadge words={transfer.words} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
