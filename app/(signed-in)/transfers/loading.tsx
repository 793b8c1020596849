import { PageSkeleton } from "@/components/page-skeleton";

export default function TransfersLoading() {
  return <PageSkeleton label="Loading transfers" />;
}
