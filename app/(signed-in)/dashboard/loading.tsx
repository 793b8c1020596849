import { AccountListSkeleton } from "@/components/accounts/account-list";

export default function DashboardLoading() {
  return (
    <div className="space-y-8" aria-busy="true">
      <div className="h-8 w-64 animate-pulse rounded bg-line" />
      <AccountListSkeleton />
    </div>
  );
}
