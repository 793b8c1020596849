"use client";

import Link from "next/link";
import useSWR from "swr";
import { StatusBadge } from "@/components/status-badge";
import type { TransferView } from "@/lib/astra/transfers";
import { CACHE_KEYS } from "@/lib/cache-keys";
import { formatAstraTimestamp } from "@/lib/dates";
import { fetcher } from "@/lib/fetcher";
import { formatUsd } from "@/lib/money";
import type { FormAction } from "@/lib/server-action";
import { CancelTransferButton } from "./cancel-transfer-button";

type TransferList = { count: number; transfers: TransferView[] };

type Props = {
  initial: TransferList;
  accountNames: Record<string, string>;
  cancelAction: FormAction;
};

/** Transfers, refreshed every two seconds while any is pending, until they settle. */
export function TransferTable({ initial, accountNames, cancelAction }: Props) {
  const { data, error } = useSWR<TransferList>(CACHE_KEYS.transfers, fetcher, {
    fallbackData: initial,
    refreshInterval: (latest) => (latest?.transfers.some((t) => t.status === "pending") ? 2_000 : 0),
  });
  const transfers = data?.transfers ?? [];
  const name = (id: string) => accountNames[id] ?? "Another account";

  if (transfers.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-semibold">No transfers yet</p>
        <p className="mt-1 text-sm text-slate-600">
          Routines make transfers on their scheduled dates. <Link href="/routines/new" className="font-medium text-indigo-700 underline">Set up a routine</Link> to move money.
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-2">
      {error ? (
        <p role="status" className="text-sm text-amber-800">
          Could not refresh just now ({error.message}); showing the last known state.
        </p>
      ) : null}
      {(data?.count ?? 0) > transfers.length ? (
        <p className="text-sm text-slate-500">
          The newest {transfers.length} of {data?.count} transfers.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Transfers, newest first</caption>
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">Date</th>
              <th scope="col" className="px-4 py-3">Routine</th>
              <th scope="col" className="px-4 py-3">From → to</th>
              <th scope="col" className="px-4 py-3 text-right">Amount</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {transfers.map((transfer) => (
              <tr key={transfer.id} data-testid="transfer-row">
                <td className="px-4 py-3 whitespace-nowrap">{formatAstraTimestamp(transfer.initiated)}</td>
                <td className="px-4 py-3">
                  <Link href={`/routines/${transfer.routineId}`} className="font-medium text-indigo-700 hover:underline">
                    {transfer.routineName}
                  </Link>
                </td>
                <td className="px-4 py-3 text-slate-600">
                  {name(transfer.sourceId)} → {name(transfer.destinationId)}
                </td>
                <td className="px-4 py-3 text-right font-medium tabular-nums">{formatUsd(transfer.amount)}</td>
                <td className="px-4 py-3">
                  <StatusBadge words={transfer.words} />
                  {transfer.failureReason ? <p className="mt-1 text-xs text-rose-700">{transfer.failureReason}</p> : null}
                  {transfer.status === "pending" && transfer.estimatedClearing ? (
                    <p className="mt-1 text-xs text-slate-500">Expected {formatAstraTimestamp(transfer.estimatedClearing)}</p>
                  ) : null}
                </td>
                <td className="px-4 py-3 text-right">
                  {transfer.cancellable ? <CancelTransferButton transferId={transfer.id} action={cancelAction} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
