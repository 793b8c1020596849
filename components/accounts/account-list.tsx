import Link from "next/link";
import { loadPageData } from "@/components/load-page-data";
import { buttonStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { getAccounts } from "@/lib/astra/accounts";
import { AccountCard } from "./account-card";

/** Fetches the signed-in user's accounts and renders them, or an empty or error state. */
export async function AccountList({ path }: { path: string }) {
  const loaded = await loadPageData(getAccounts, { path });
  if (!loaded.ok) return loaded.panel;
  const accounts = loaded.data;

  if (accounts.length === 0) {
    return (
      <EmptyState
        title="No bank accounts linked yet"
        action={
          <Link href="/accounts/link" prefetch={false} className={buttonStyles.primary}>
            Link a bank account
          </Link>
        }
      >
        Link a bank account through Astra to see its balance here and move money with routines.
      </EmptyState>
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
        <Panel key={key} className="space-y-4 p-5">
          <div className="space-y-2">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-4 w-64 max-w-full" />
          </div>
          <div className="grid grid-cols-2 gap-2">
            {[0, 1].map((balance) => (
              <div key={balance} className="space-y-2">
                <Skeleton className="h-4 w-16" />
                <Skeleton className="h-6 w-28" />
              </div>
            ))}
          </div>
        </Panel>
      ))}
    </div>
  );
}
