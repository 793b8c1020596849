import { PageSkeleton } from "@/components/page-skeleton";

export default function RoutinesItemLoading() {
  return <PageSkeleton label="Loading routine" />;
}
