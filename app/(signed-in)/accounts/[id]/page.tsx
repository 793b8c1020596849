import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountCard } from "@/components/accounts/account-card";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { StatusBadge } from "@/components/status-badge";
import { getAccount } from "@/lib/astra/accounts";
import { AstraError } from "@/lib/astra/errors";
import { getRoutines } from "@/lib/astra/routines";
import { getTransfers } from "@/lib/astra/transfers";
import { readFromAstra } from "@/lib/auth/astra-session";
import { formatAstraTimestamp } from "@/lib/dates";
import { formatUsd } from "@/lib/money";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/accounts/${encodeURIComponent(id)}`;
  let data;
  try {
    data = await readFromAstra((token) =>
      Promise.all([getAccount(token, id), getRoutines(token), getTransfers(token, { pageSize: 100 })]),
    );
  } catch (error) {
    if (error instanceof AstraError && error.kind === "not_found") notFound();
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={path} />;
    throw error;
  }
  const [account, routines, transfers] = data;
  const touches = (item: { sourceId: string; destinationId: string }) => item.sourceId === id || item.destinationId === id;
  const itsRoutines = routines.routines.filter(touches);
  const itsTransfers = transfers.transfers.filter(touches);

  return (
    <div className="space-y-8">
      <Link href="/dashboard" className="text-sm text-slate-500 hover:underline">← Dashboard</Link>
      <h1 className="text-2xl font-bold tracking-tight">{account.name}</h1>
      <div className="max-w-md">
        <AccountCard account={account} headingLevel={2} />
      </div>
      <section aria-labelledby="account-routines" className="space-y-2">
        <h2 id="account-routines" className="text-lg font-semibold">Routines using this account</h2>
        {itsRoutines.length === 0 ? (
          <p className="text-sm text-slate-600">None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {itsRoutines.map((routine) => (
              <li key={routine.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <Link href={`/routines/${routine.id}`} className="font-medium text-indigo-700 hover:underline">{routine.name}</Link>
                <span className="text-slate-600">
                  {routine.sourceId === id ? "Out" : "In"} · {formatUsd(routine.amount)} · {routine.schedule}
                </span>
                <StatusBadge words={routine.words} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="account-transfers" className="space-y-2">
        <h2 id="account-transfers" className="text-lg font-semibold">Transfers</h2>
        {transfers.count > transfers.transfers.length ? (
          <p className="text-sm text-slate-500">
            From your newest {transfers.transfers.length} transfers. <Link href="/transfers" className="underline">See all transfers</Link>.
          </p>
        ) : null}
        {itsTransfers.length === 0 ? (
          <p className="text-sm text-slate-600">No transfers yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {itsTransfers.map((transfer) => (
              <li key={transfer.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>{formatAstraTimestamp(transfer.initiated)} · {transfer.routineName}</span>
                <span className="tabular-nums">{transfer.sourceId === id ? "−" : "+"}{formatUsd(transfer.amount)}</span>
                <StatusBadge words={transfer.words} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
