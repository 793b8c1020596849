"use client";

import useSWR from "swr";
import { StatusBadge } from "@/components/status-badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import type { TransferPage } from "@/lib/astra/transfers";
import { transfersPageKey } from "@/lib/cache-keys";
import { formatAstraTimestamp } from "@/lib/dates";
import { fetcher } from "@/lib/fetcher";
import { formatUsd } from "@/lib/money";
import type { FormAction } from "@/lib/server-action";
import { AccountLabel } from "@/components/accounts/account-label";
import { CancelTransferButton } from "./cancel-transfer-button";

const cell = "px-4 py-3 max-sm:block max-sm:p-0";

type Props = {
  initial: TransferPage;
  accountNames: Record<string, string>;
  cancelAction: FormAction;
};

/** Refreshed every two seconds while any transfer is pending. */
export function TransferTable({ initial, accountNames, cancelAction }: Props) {
  const { data, error } = useSWR<TransferPage>(transfersPageKey(initial.paging.page), fetcher, {
    fallbackData: initial,
    refreshInterval: (latest) => (latest?.transfers.some((t) => t.status === "pending") ? 2_000 : 0),
  });
  const transfers = data?.transfers ?? [];
  const name = (id: string) => accountNames[id] ?? "Another account";

  if (transfers.length === 0 && initial.paging.page > 1) return null;
  if (transfers.length === 0) {
    return (
      <EmptyState title="No transfers yet">
        Routines make transfers on their scheduled dates.{" "}
        <TextLink href="/routines/new" inline>
          Set up a routine
        </TextLink>{" "}
        to move money.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-2">
      {error ? (
        <p role="status" className="text-sm text-warning">
          Could not refresh just now ({error.message}); showing the last known state.
        </p>
      ) : null}
      {/* Below `sm` rows stack into cards but stay a table, so a screen reader still reads "Amount: $12.00";
          `relative` keeps the sr-only labels inside the box, where they cannot widen the page. */}
      <Panel className="relative overflow-x-auto">
        <table className="w-full text-left text-sm max-sm:block">
          <caption className="sr-only">Transfers, newest first</caption>
          <thead className="bg-canvas text-xs text-subtle uppercase max-sm:sr-only">
            <tr>
              <th scope="col" className="px-4 py-3">
                Date
              </th>
              <th scope="col" className="px-4 py-3">
                Routine
              </th>
              <th scope="col" className="px-4 py-3">
                From → to
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Amount
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-faint max-sm:block">
            {transfers.map((transfer) => (
              <tr
                key={transfer.id}
                data-testid="transfer-row"
                className="max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:gap-y-1 max-sm:px-4 max-sm:py-3"
              >
                <td className={cn(cell, "whitespace-nowrap max-sm:col-span-2 max-sm:row-start-2 max-sm:text-muted")}>
                  {formatAstraTimestamp(transfer.initiated)}
                </td>
                <td className={cn(cell, "wrap-anywhere max-sm:col-start-1 max-sm:row-start-1")}>
                  <TextLink href={`/routines/${transfer.routineId}`}>{transfer.routineName}</TextLink>
                </td>
                <td className={cn(cell, "wrap-anywhere text-muted max-sm:col-span-2 max-sm:row-start-3")}>
                  <AccountLabel label={name(transfer.sourceId)} /> →{" "}
                  <AccountLabel label={name(transfer.destinationId)} />
                </td>
                <td
                  className={cn(
                    cell,
                    "text-right font-medium whitespace-nowrap tabular-nums max-sm:col-start-2 max-sm:row-start-1",
                  )}
                >
                  {formatUsd(transfer.amount)}
                </td>
                <td className={cn(cell, "max-sm:col-start-1 max-sm:row-start-4 max-sm:mt-1")}>
                  <StatusBadge words={transfer.words} />
                  {transfer.failureReason ? <p className="mt-1 text-xs text-danger">{transfer.failureReason}</p> : null}
                  {transfer.status === "pending" && transfer.estimatedClearing ? (
                    <p className="mt-1 text-xs text-subtle">
                      Expected {formatAstraTimestamp(transfer.estimatedClearing)}
                    </p>
                  ) : null}
                </td>
                <td className={cn(cell, "text-right max-sm:col-start-2 max-sm:row-start-4 max-sm:mt-1")}>
                  {transfer.cancellable ? (
                    <CancelTransferButton transferId={transfer.id} action={cancelAction} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}
