import { Panel } from "@/components/ui/panel";

/** The shape of a signed-in page while Astra answers: a title bar and a block of content. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-6" aria-busy="true" role="status" aria-label={label}>
      <div className="h-8 w-56 animate-pulse rounded bg-line" />
      <div className="h-4 w-80 animate-pulse rounded bg-line" />
      <Panel className="h-64 animate-pulse" />
    </div>
  );
}
