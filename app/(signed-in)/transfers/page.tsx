import type { Metadata } from "next";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { ResyncButton } from "@/components/resync-button";
import { TransferTable } from "@/components/transfers/transfer-table";
import { accountLabel, getAccounts } from "@/lib/astra/accounts";
import { AstraError } from "@/lib/astra/errors";
import { getTransfers } from "@/lib/astra/transfers";
import { readFromAstra } from "@/lib/auth/astra-session";
import { cancelTransferAction } from "./actions";

export const metadata: Metadata = { title: "Transfers" };

const PATH = "/transfers";

export default async function TransfersPage() {
  let data;
  try {
    // In parallel: the list and the account names it refers to.
    data = await readFromAstra((token) => Promise.all([getTransfers(token), getAccounts(token)]));
  } catch (error) {
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={PATH} />;
    throw error;
  }
  const [transfers, accounts] = data;
  const accountNames = Object.fromEntries(accounts.map((a) => [a.id, accountLabel(a)]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">Transfers</h1>
          <p className="text-slate-600">Money your routines moved, newest first. Pending transfers update by themselves.</p>
        </div>
        <ResyncButton />
      </div>
      <TransferTable initial={transfers} accountNames={accountNames} cancelAction={cancelTransferAction} />
    </div>
  );
}
