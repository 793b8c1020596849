import type { Metadata } from "next";
import Link from "next/link";
import { AccountCard } from "@/components/accounts/account-card";
import { loadPageData } from "@/components/load-page-data";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel, PanelRow } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { getAccount } from "@/lib/astra/accounts";
import { getRoutines } from "@/lib/astra/routines";
import { getTransfers } from "@/lib/astra/transfers";
import { formatAstraTimestamp } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/accounts/${encodeURIComponent(id)}`;
  const loaded = await loadPageData(
    (token) =>
      Promise.all([
        getAccount(token, id),
        getRoutines(token, { pageSize: 100 }),
        getTransfers(token, { pageSize: 100 }),
      ]),
    { path, notFoundPage: true },
  );
  if (!loaded.ok) return loaded.panel;
  const [account, routines, transfers] = loaded.data;
  const touches = (item: { sourceId: string; destinationId: string }) =>
    item.sourceId === id || item.destinationId === id;
  const itsRoutines = routines.routines.filter(touches);
  const itsTransfers = transfers.transfers.filter(touches);

  return (
    <div className="space-y-8">
      <PageHeader title={account.name} back={{ href: "/dashboard", label: "Dashboard" }} />
      <div className="max-w-md">
        <AccountCard account={account} named={false} />
      </div>
      <section aria-labelledby="account-routines" className="space-y-2">
        <h2 id="account-routines" className="text-lg font-semibold">
          Routines using this account
        </h2>
        {itsRoutines.length === 0 ? (
          <EmptyState compact>No routine moves money in or out of this account yet.</EmptyState>
        ) : (
          <Panel as="ul" divided>
            {itsRoutines.map((routine) => (
              <PanelRow key={routine.id} className="text-sm">
                <div>
                  <TextLink href={`/routines/${routine.id}`}>{routine.name}</TextLink>
                  <p className="text-muted">
                    {routine.sourceId === id ? "Out" : "In"} · {formatUsd(routine.amount)} · {routine.schedule}
                  </p>
                </div>
                <StatusBadge words={routine.words} />
              </PanelRow>
            ))}
          </Panel>
        )}
      </section>
      <section aria-labelledby="account-transfers" className="space-y-2">
        <h2 id="account-transfers" className="text-lg font-semibold">
          Transfers
        </h2>
        {transfers.paging.hasMore ? (
          <p className="text-sm text-subtle">
            From your newest {transfers.transfers.length} transfers.{" "}
            <Link href="/transfers" className="underline">
              See all transfers
            </Link>
            .
          </p>
        ) : null}
        {itsTransfers.length === 0 ? (
          <EmptyState compact>No transfers yet.</EmptyState>
        ) : (
          <Panel as="ul" divided>
            {itsTransfers.map((transfer) => (
              <PanelRow key={transfer.id} className="text-sm">
                <span>
                  {formatAstraTimestamp(transfer.initiated)} · {transfer.routineName}
                </span>
                <span className="flex items-center gap-3">
                  <span className="tabular-nums">
                    {transfer.sourceId === id ? "−" : "+"}
                    {formatUsd(transfer.amount)}
                  </span>
                  <StatusBadge words={transfer.words} />
                </span>
              </PanelRow>
            ))}
          </Panel>
        )}
      </section>
    </div>
  );
}
