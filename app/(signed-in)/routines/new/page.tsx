import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Suspense } from "react";
import { loadPageData } from "@/components/load-page-data";
import { RoutineForm } from "@/components/routines/routine-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { accountLabel, getAccounts } from "@/lib/astra/accounts";
import { astraToday } from "@/lib/astra/today";
import { createRoutineAction } from "./actions";

export const metadata: Metadata = { title: "New routine" };

const PATH = "/routines/new";

// The heading is the page's largest text: it goes out in the first chunk, not behind the accounts call.
export default function NewRoutinePage() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New routine" description="Move money between your accounts once, or on a schedule." />
      <Suspense fallback={<FormSkeleton />}>
        <NewRoutineFormSection />
      </Suspense>
    </div>
  );
}

async function NewRoutineFormSection() {
  const loaded = await loadPageData(getAccounts, { path: PATH });
  if (!loaded.ok) return loaded.panel;
  const accounts = loaded.data;
  if (accounts.length < 2) {
    return (
      <EmptyState title="A routine needs two accounts">
        Link another bank account to move money between them.{" "}
        <TextLink href="/accounts/link" prefetch={false} inline>
          Link a bank account
        </TextLink>
      </EmptyState>
    );
  }
  return (
    <RoutineForm
      accounts={accounts.map((a) => ({ id: a.id, label: accountLabel(a) }))}
      today={await astraToday()}
      initialIdempotencyKey={randomUUID()}
      action={createRoutineAction}
    />
  );
}

function FormSkeleton() {
  return (
    <Panel className="space-y-5 p-6" role="status" aria-label="Loading your accounts">
      {[0, 1, 2, 3].map((field) => (
        <div key={field} className="space-y-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-10 w-full rounded-control" />
        </div>
      ))}
      <Skeleton className="h-10 w-24 rounded-control" />
    </Panel>
  );
}
