/** The shape of a signed-in page while Astra answers: a title bar and a block of content. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-6" aria-busy="true" role="status" aria-label={label}>
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-80 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-xl border border-slate-200 bg-white" />
    </div>
  );
}
