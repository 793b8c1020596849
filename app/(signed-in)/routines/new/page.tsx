import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { loadPageData } from "@/components/load-page-data";
import { RoutineForm } from "@/components/routines/routine-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { accountLabel, getAccounts } from "@/lib/astra/accounts";
import { astraToday } from "@/lib/astra/today";
import { createRoutineAction } from "../actions";

export const metadata: Metadata = { title: "New routine" };

const PATH = "/routines/new";

export default async function NewRoutinePage() {
  const loaded = await loadPageData(getAccounts, { path: PATH });
  if (!loaded.ok) return loaded.panel;
  const accounts = loaded.data;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New routine" description="Move money between your accounts once, or on a schedule." />
      {accounts.length < 2 ? (
        <EmptyState title="A routine needs two accounts">
          Link another bank account to move money between them.{" "}
          <TextLink href="/accounts/link" prefetch={false} inline>
            Link a bank account
          </TextLink>
        </EmptyState>
      ) : (
        <RoutineForm
          accounts={accounts.map((a) => ({ id: a.id, label: accountLabel(a) }))}
          today={await astraToday()}
          initialIdempotencyKey={randomUUID()}
          action={createRoutineAction}
        />
      )}
    </div>
  );
}
