import { cn } from "./cn";
import { Panel } from "./panel";

/** A bar standing in for a line of text or a number; its size is the caller's. */
export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-line motion-reduce:animate-none", className)} />;
}

/** A list of rows while it loads (a status when labelled): a name and a detail line on the left, an amount and a badge on the right. */
export function RowsSkeleton({ label, rows = 3 }: { label?: string; rows?: number }) {
  return (
    <Panel divided role={label ? "status" : undefined} aria-label={label}>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex items-start justify-between gap-3 px-4 py-3">
          <div className="space-y-2">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-3 w-56 max-w-[50vw]" />
          </div>
          <div className="flex flex-col items-end gap-2">
            <Skeleton className="h-4 w-14" />
            <Skeleton className="h-4 w-16 rounded-full" />
          </div>
        </div>
      ))}
    </Panel>
  );
}
