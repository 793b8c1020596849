import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { loadPageData } from "@/components/load-page-data";
import { RoutineRow } from "@/components/routines/routine-row";
import { buttonStyles } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, PastTheEnd } from "@/components/ui/pager";
import { Panel } from "@/components/ui/panel";
import { RowsSkeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { paymentMethodLabels } from "@/lib/astra/payment-methods";
import { getRoutines } from "@/lib/astra/routines";
import type { RoutineStatus } from "@/lib/astra/schemas";
import { routineStatusWords } from "@/lib/astra/status-words";
import { pageHref, parsePageParam } from "@/lib/paging";

export const metadata: Metadata = { title: "Routines" };

const STATUS_PARAM = /^[A-Za-z0-9_+-]{1,60}$/;

// The filters offered: what a person looks for. Any other status Astra uses still filters from the URL.
const FILTERS: readonly RoutineStatus[] = ["active", "inactive", "completed", "cancelled", "failed"];

export default async function RoutinesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string | string[]; cancelled?: string; page?: string | string[] }>;
}) {
  const query = await searchParams;
  const requested = typeof query.status === "string" ? query.status : undefined;
  const status = requested && STATUS_PARAM.test(requested) ? requested : undefined;
  const page = parsePageParam(query.page);

  return (
    <div className="space-y-6">
      {query.cancelled ? (
        <p
          role="status"
          className="rounded-control border border-success-line bg-success-soft p-3 text-sm text-success-ink"
        >
          Routine cancelled. No more transfers will be made; transfers already on their way continue.
        </p>
      ) : null}
      <PageHeader
        title="Routines"
        description="One-time and recurring transfers between your accounts."
        actions={
          <Link href="/routines/new" className={buttonStyles.primary}>
            New routine
          </Link>
        }
      />
      {/* The heading above is the page's first paint; the list streams in when Astra answers. */}
      <Suspense key={`${status}:${page}`} fallback={<RowsSkeleton label="Loading routines" />}>
        <RoutineList status={status} page={page} />
      </Suspense>
    </div>
  );
}

async function RoutineList({ status, page }: { status: string | undefined; page: number }) {
  const kept = { status };
  const path = pageHref("/routines", kept, page);
  // Astra filters and pages: the status filter reaches every routine, not just the ones on this page.
  const loaded = await loadPageData(
    (token) => Promise.all([getRoutines(token, { page, status }), paymentMethodLabels(token)]),
    { path },
  );
  if (!loaded.ok) return loaded.panel;
  const [{ routines, paging }, accountNames] = loaded.data;
  const filters = status && !FILTERS.includes(status as RoutineStatus) ? [...FILTERS, status] : FILTERS;

  return (
    <div className="space-y-6">
      {routines.length > 0 || status || page > 1 ? (
        <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
          <FilterLink href="/routines" active={!status} label="All" />
          {filters.map((s) => (
            <FilterLink
              key={s}
              href={`/routines?status=${encodeURIComponent(s)}`}
              active={status === s}
              label={routineStatusWords(s).label}
            />
          ))}
        </nav>
      ) : null}

      {routines.length === 0 && page > 1 ? (
        <PastTheEnd path="/routines" query={kept} page={page} />
      ) : routines.length === 0 ? (
        <EmptyState title={status ? "No routines with this status" : "No routines yet"}>
          A routine moves money between your accounts once or on a schedule.{" "}
          <TextLink href="/routines/new" inline>
            Set one up
          </TextLink>
          .
        </EmptyState>
      ) : (
        <Panel as="ul" divided aria-label="Routines">
          {routines.map((routine) => (
            <RoutineRow key={routine.id} routine={routine} accountNames={accountNames} />
          ))}
        </Panel>
      )}
      <Pager label="Routines pages" path="/routines" query={kept} info={paging} />
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
