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
import { getCardsIfAllowed } from "@/lib/astra/cards";
import { astraToday } from "@/lib/astra/today";
import { createRoutineAction, previewRoutineAction } from "./actions";

export const metadata: Metadata = { title: "New routine" };

const PATH = "/routines/new";

// The heading is the page's largest text: it goes out in the first chunk, not behind the accounts call.
export default function NewRoutinePage() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="New routine"
        description="Move money between your accounts and debit cards once, or on a schedule."
      />
      <Suspense fallback={<FormSkeleton />}>
        <NewRoutineFormSection />
      </Suspense>
    </div>
  );
}

async function NewRoutineFormSection() {
  const loaded = await loadPageData((token) => Promise.all([getAccounts(token), getCardsIfAllowed(token)]), {
    path: PATH,
  });
  if (!loaded.ok) return loaded.panel;
  const [accounts, cards] = loaded.data;
  const usableCards = cards.filter((card) => card.usable);
  if (accounts.length < 2 && (accounts.length === 0 || usableCards.length === 0)) {
    return (
      <EmptyState title="A routine needs two accounts">
        Money moves between two bank accounts, or between a bank account and a debit card.{" "}
        <TextLink href="/accounts/link" prefetch={false} inline>
          Link a bank account
        </TextLink>{" "}
        or{" "}
        <TextLink href="/accounts/link-card" prefetch={false} inline>
          link a debit card
        </TextLink>
        .
      </EmptyState>
    );
  }
  return (
    <RoutineForm
      accounts={accounts.map((a) => ({ id: a.id, label: accountLabel(a) }))}
      cards={usableCards.map((card) => ({ id: card.id, label: card.label }))}
      previewAction={previewRoutineAction}
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
