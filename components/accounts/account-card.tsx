import Link from "next/link";
import type { AccountView } from "@/lib/astra/accounts";
import { Panel } from "@/components/ui/panel";
import { formatUsd } from "@/lib/money";

/** `named={false}` leaves the name to the page's own title (the account's page), so it is not said twice. */
export function AccountCard({ account, named = true }: { account: AccountView; named?: boolean }) {
  return (
    <Panel
      as="article"
      aria-label={account.mask ? `${account.name} ending in ${account.mask}` : account.name}
      className="flex h-full flex-col justify-between gap-4 p-5 shadow-sm"
    >
      <div className="flex items-start justify-between gap-3">
        {named ? (
          <div>
            <h3 className="font-semibold">
              <Link href={`/accounts/${account.id}`} className="hover:underline">
                {account.name}
              </Link>
            </h3>
            <p className="text-sm text-muted">
              <AccountDetails account={account} />
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted">
            <AccountDetails account={account} />
          </p>
        )}
        {account.connected ? null : (
          <span className="rounded-full bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning ring-1 ring-warning-line">
            Needs attention
          </span>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-subtle">Available</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatUsd(account.availableBalance)}</dd>
        </div>
        <div>
          <dt className="text-subtle">Current</dt>
          <dd className="text-xl font-semibold text-ink-soft tabular-nums">{formatUsd(account.currentBalance)}</dd>
        </div>
      </dl>
    </Panel>
  );
}

function AccountDetails({ account }: { account: AccountView }) {
  return (
    <>
      {[account.institution, account.kind].filter(Boolean).join(" · ")}
      {account.mask ? (
        <>
          {account.institution || account.kind ? " · " : null}
          <span className="whitespace-nowrap">•••• {account.mask}</span>
        </>
      ) : null}
    </>
  );
}
