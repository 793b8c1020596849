import type { Metadata } from "next";
import { Suspense } from "react";
import { loadPageData } from "@/components/load-page-data";
import { ResyncButton } from "@/components/resync-button";
import { TransferTable } from "@/components/transfers/transfer-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, PastTheEnd } from "@/components/ui/pager";
import { RowsSkeleton } from "@/components/ui/skeleton";
import { paymentMethodLabels } from "@/lib/astra/payment-methods";
import { getTransfers } from "@/lib/astra/transfers";
import { pageHref, parsePageParam } from "@/lib/paging";
import { cancelTransferAction } from "@/lib/transfers/actions";

export const metadata: Metadata = { title: "Transfers" };

const PATH = "/transfers";

export default async function TransfersPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const page = parsePageParam((await searchParams).page);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Transfers"
        description="Money your routines moved, newest first. Pending transfers update by themselves."
        actions={<ResyncButton />}
      />
      {/* The heading above is the page's first paint; the table streams in when Astra answers. */}
      <Suspense key={page} fallback={<RowsSkeleton label="Loading transfers" rows={4} />}>
        <TransferList page={page} />
      </Suspense>
    </div>
  );
}

async function TransferList({ page }: { page: number }) {
  // In parallel: the list and the names of the accounts and cards it refers to.
  const loaded = await loadPageData(
    (token) => Promise.all([getTransfers(token, { page }), paymentMethodLabels(token)]),
    { path: pageHref(PATH, {}, page) },
  );
  if (!loaded.ok) return loaded.panel;
  const [transfers, accountNames] = loaded.data;

  return (
    <div className="space-y-6">
      {transfers.transfers.length === 0 && page > 1 ? <PastTheEnd path={PATH} page={page} /> : null}
      <TransferTable initial={transfers} accountNames={accountNames} cancelAction={cancelTransferAction} />
      <Pager label="Transfers pages" path={PATH} info={transfers.paging} />
    </div>
  );
}
