import { PageSkeleton } from "@/components/page-skeleton";

export default function AccountsItemLoading() {
  return <PageSkeleton label="Loading account" />;
}
