import type { Metadata } from "next";
import Link from "next/link";
import { loadPageData } from "@/components/load-page-data";
import { StatusBadge } from "@/components/status-badge";
import { buttonStyles } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel, PanelRow } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { getRoutines } from "@/lib/astra/routines";
import { routineStatusWords } from "@/lib/astra/status-words";
import { formatCalendarDate } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

export const metadata: Metadata = { title: "Routines" };

const STATUS_PARAM = /^[A-Za-z0-9_+-]{1,60}$/;

export default async function RoutinesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; cancelled?: string }>;
}) {
  // Any status Astra uses can be filtered on, including ones this app has no words for yet.
  const query = await searchParams;
  const requested = query.status;
  const status = requested && STATUS_PARAM.test(requested) ? requested : undefined;
  const path = status ? `/routines?status=${encodeURIComponent(status)}` : "/routines";
  const loaded = await loadPageData((token) => getRoutines(token), { path });
  if (!loaded.ok) return loaded.panel;
  const list = loaded.data;
  const routines = status ? list.routines.filter((r) => r.status === status) : list.routines;
  const present = [...new Set(list.routines.map((r) => r.status))];

  return (
    <div className="space-y-6">
      {query.cancelled ? (
        <p role="status" className="rounded-control border border-success-line bg-success-soft p-3 text-sm text-success-ink">
          Routine cancelled. No more transfers will be made; transfers already on their way continue.
        </p>
      ) : null}
      <PageHeader
        title="Routines"
        description="One-time and recurring transfers between your accounts."
        actions={<Link href="/routines/new" className={buttonStyles.primary}>New routine</Link>}
      />

      {present.length > 1 ? (
        <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
          <FilterLink href="/routines" active={!status} label="All" />
          {present.map((s) => (
            <FilterLink
              key={s}
              href={`/routines?status=${encodeURIComponent(s)}`}
              active={status === s}
              label={routineStatusWords(s).label}
            />
          ))}
        </nav>
      ) : null}

      {routines.length === 0 ? (
        <EmptyState title={status ? "No routines with this status" : "No routines yet"}>
          A routine moves money between your accounts once or on a schedule.{" "}
          <TextLink href="/routines/new" inline>Set one up</TextLink>.
        </EmptyState>
      ) : (
        <Panel as="ul" divided aria-label="Routines">
          {routines.map((routine) => (
            <PanelRow key={routine.id}>
              <div>
                <TextLink href={`/routines/${routine.id}`}>{routine.name}</TextLink>
                <p className="text-sm text-muted">
                  {routine.schedule} · {formatUsd(routine.amount)}
                  {routine.nextRuns[0] ? ` · next ${formatCalendarDate(routine.nextRuns[0])}` : ""}
                </p>
              </div>
              <StatusBadge words={routine.words} />
            </PanelRow>
          ))}
        </Panel>
      )}
    </div>
  );
}

function FilterLink({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-full px-3 py-1 ring-1 ring-inset",
        active ? "bg-brand text-on-brand ring-brand" : "bg-surface text-ink-soft ring-line-strong hover:bg-canvas",
      )}
    >
      {label}
    </Link>
  );
}
