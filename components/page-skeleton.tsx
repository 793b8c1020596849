import { RowsSkeleton, Skeleton } from "@/components/ui/skeleton";
import { Panel } from "@/components/ui/panel";

/** A detail page while Astra answers: its header, a summary panel and a list. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-6" aria-busy="true" role="status" aria-label={label}>
      <div className="space-y-2">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <Panel className="space-y-3 p-5">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-4 w-72 max-w-full" />
        <div className="flex gap-3 pt-2">
          <Skeleton className="h-10 w-24 rounded-control" />
          <Skeleton className="h-10 w-36 rounded-control" />
        </div>
      </Panel>
      <RowsSkeleton rows={2} />
    </div>
  );
}
