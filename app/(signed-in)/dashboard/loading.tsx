import { AccountListSkeleton } from "@/components/accounts/account-list";
import { CardListSkeleton } from "@/components/accounts/card-list";
import { ActivitySkeleton } from "@/components/dashboard/activity";
import { Skeleton } from "@/components/ui/skeleton";

export default function DashboardLoading() {
  return (
    <div className="space-y-10" aria-busy="true">
      <div className="space-y-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <AccountListSkeleton />
      <CardListSkeleton />
      <ActivitySkeleton />
    </div>
  );
}
