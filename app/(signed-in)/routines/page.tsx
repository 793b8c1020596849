import type { Metadata } from "next";
import Link from "next/link";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { StatusBadge } from "@/components/status-badge";
import { buttonStyles } from "@/components/ui/button-styles";
import { AstraError } from "@/lib/astra/errors";
import { getRoutines } from "@/lib/astra/routines";
import { routineStatusSchema, type RoutineStatus } from "@/lib/astra/schemas";
import { FREQUENCY_WORDS, ROUTINE_STATUS_WORDS } from "@/lib/astra/status-words";
import { readFromAstra } from "@/lib/auth/astra-session";
import { formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

export const metadata: Metadata = { title: "Routines" };

export default async function RoutinesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; cancelled?: string }>;
}) {
  const query = await searchParams;
  const requested = routineStatusSchema.safeParse(query.status);
  const status: RoutineStatus | undefined = requested.success ? requested.data : undefined;
  const path = status ? `/routines?status=${status}` : "/routines";
  let list;
  try {
    list = await readFromAstra((token) => getRoutines(token));
  } catch (error) {
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={path} />;
    throw error;
  }
  const routines = status ? list.routines.filter((r) => r.status === status) : list.routines;
  const present = [...new Set(list.routines.map((r) => r.status))];

  return (
    <div className="space-y-6">
      {query.cancelled ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          Routine cancelled. No more transfers will be made; transfers already on their way continue.
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">Routines</h1>
          <p className="text-slate-600">One-time and recurring transfers between your accounts.</p>
        </div>
        <Link href="/routines/new" className={buttonStyles.primary}>New routine</Link>
      </div>

      {present.length > 1 ? (
        <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
          <FilterLink href="/routines" active={!status} label="All" />
          {present.map((s) => (
            <FilterLink key={s} href={`/routines?status=${s}`} active={status === s} label={ROUTINE_STATUS_WORDS[s].label} />
          ))}
        </nav>
      ) : null}

      {routines.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-semibold">{status ? "No routines with this status" : "No routines yet"}</p>
          <p className="mt-1 text-sm text-slate-600">
            A routine moves money between your accounts once or on a schedule.{" "}
            <Link href="/routines/new" className="font-medium text-indigo-700 underline">Set one up</Link>.
          </p>
        </div>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label="Routines">
          {routines.map((routine) => (
            <li key={routine.id} className="flex flex-wrap items-center justify-between gap-4 px-4 py-3">
              <div>
                <Link href={`/routines/${routine.id}`} className="font-medium text-indigo-700 hover:underline">
                  {routine.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {routine.frequency ? FREQUENCY_WORDS[routine.frequency] : "One-time"} · {formatUsd(routine.amount)}
                  {routine.nextRuns[0] ? ` · next ${formatCalendarDate(routine.nextRuns[0])}` : ""}
                </p>
              </div>
              <StatusBadge words={routine.words} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FilterLink({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-full px-3 py-1 ring-1 ring-inset ${active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
}
