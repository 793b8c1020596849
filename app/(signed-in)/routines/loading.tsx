import { PageSkeleton } from "@/components/page-skeleton";

export default function RoutinesLoading() {
  return <PageSkeleton label="Loading routines" />;
}
