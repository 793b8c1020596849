import { PageSkeleton } from "@/components/page-skeleton";

export default function RoutinesNewLoading() {
  return <PageSkeleton label="Loading your accounts" />;
}
