import Link from "next/link";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { buttonStyles } from "@/components/ui/button-styles";
import { getAccounts, type AccountView } from "@/lib/astra/accounts";
import { AstraError } from "@/lib/astra/errors";
import { readFromAstra } from "@/lib/auth/astra-session";
import { AccountCard } from "./account-card";

/** Fetches the signed-in user's accounts and renders them, or an empty or error state. */
export async function AccountList({ path }: { path: string }) {
  let accounts: AccountView[];
  try {
    accounts = await readFromAstra(getAccounts);
  } catch (error) {
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={path} />;
    throw error;
  }

  if (accounts.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-semibold">No bank accounts linked yet</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
          Link a bank account through Astra to see its balance here and move money with routines.
        </p>
        <Link href="/accounts/link" prefetch={false} className={`${buttonStyles.primary} mt-4`}>
          Link a bank account
        </Link>
      </div>
    );
  }

  return (
    <ul className="grid gap-4 sm:grid-cols-2" aria-label="Bank accounts">
      {accounts.map((account) => (
        <li key={account.id}>
          <AccountCard account={account} />
        </li>
      ))}
    </ul>
  );
}

export function AccountListSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2" role="status" aria-label="Loading accounts">
      {[0, 1].map((key) => (
        <div key={key} className="h-36 animate-pulse rounded-xl border border-slate-200 bg-white" />
      ))}
    </div>
  );
}
