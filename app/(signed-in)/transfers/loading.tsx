export default function TransfersLoading() {
  return (
    <div className="space-y-6" aria-busy="true" role="status" aria-label="Loading transfers">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-xl border border-slate-200 bg-white" />
    </div>
  );
}
