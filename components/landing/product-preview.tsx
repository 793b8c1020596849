import { StatusBadge } from "@/components/status-badge";
import { formatUsd } from "@/lib/money";

const ACCOUNTS = [
  { name: "Everyday Checking", mask: "4417", balance: 2425.75 },
  { name: "High-Yield Savings", mask: "9021", balance: 12525 },
];

/** The dashboard as a signed-in user sees it, drawn with the app's own parts and sample numbers. */
export function ProductPreview() {
  return (
    <div
      role="img"
      aria-label="The dashboard: two linked bank accounts with their balances, a weekly routine and its transfers"
      className="relative rounded-panel border border-line bg-canvas p-2 shadow-2xl shadow-brand/10"
    >
      <div className="flex items-center gap-1.5 px-2 pt-1 pb-3">
        {[0, 1, 2].map((dot) => (
          <span key={dot} className="size-2.5 rounded-full bg-line-strong" />
        ))}
      </div>
      <div className="space-y-4 rounded-control border border-line bg-surface p-4 sm:p-5">
        <div>
          <p className="text-lg font-semibold">Hello, Avery</p>
          <p className="text-sm text-muted">Your bank accounts linked to Astra.</p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {ACCOUNTS.map((account) => (
            <div key={account.mask} className="rounded-control border border-line p-3">
              <p className="text-sm font-semibold">{account.name}</p>
              <p className="text-xs whitespace-nowrap text-muted">•••• {account.mask}</p>
              <p className="mt-2 text-xl font-semibold tabular-nums">{formatUsd(account.balance)}</p>
            </div>
          ))}
        </div>
        <div className="divide-y divide-line-faint rounded-control border border-line text-sm">
          <div className="flex items-start justify-between gap-3 p-3">
            <div className="min-w-0">
              <p className="font-medium text-brand-strong">Weekly savings</p>
              <p className="text-muted">Checking → Savings · every week</p>
            </div>
            <div className="flex flex-col items-end gap-1">
              <span className="font-semibold tabular-nums">{formatUsd(25)}</span>
              <StatusBadge words={{ label: "Active", tone: "positive", explanation: "" }} />
            </div>
          </div>
          <div className="flex items-center justify-between gap-3 p-3">
            <p className="text-muted">Transfer · Dec 1</p>
            <div className="flex items-center gap-2">
              <span className="tabular-nums">{formatUsd(25)}</span>
              <StatusBadge words={{ label: "Completed", tone: "positive", explanation: "" }} />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
