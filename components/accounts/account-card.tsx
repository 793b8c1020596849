import Link from "next/link";
import type { AccountView } from "@/lib/astra/accounts";
import { Panel } from "@/components/ui/panel";
import { formatUsd } from "@/lib/money";

/** `headingLevel` keeps the page outline right: h3 under the dashboard's "Linked accounts", h2 on its own page. */
export function AccountCard({ account, headingLevel = 3 }: { account: AccountView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Panel
      as="article"
      aria-label={account.mask ? `${account.name} ending in ${account.mask}` : account.name}
      className="flex h-full flex-col justify-between gap-4 p-5 shadow-sm"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <Heading className="font-semibold">
            <Link href={`/accounts/${account.id}`} className="hover:underline">
              {account.name}
            </Link>
          </Heading>
          <p className="text-sm text-muted">
            {[account.institution, account.kind].filter(Boolean).join(" · ")}
            {account.mask ? (
              <>
                {account.institution || account.kind ? " · " : null}
                <span className="font-mono whitespace-nowrap">•••• {account.mask}</span>
              </>
            ) : null}
          </p>
        </div>
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
