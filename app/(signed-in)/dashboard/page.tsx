import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AccountList, AccountListSkeleton } from "@/components/accounts/account-list";
import { CardList, CardListSkeleton } from "@/components/accounts/card-list";
import { Activity, ActivitySkeleton } from "@/components/dashboard/activity";
import { ResyncButton } from "@/components/resync-button";
import { buttonStyles } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { auth } from "@/lib/auth/next-auth";
import { removeCardAction } from "@/lib/cards/actions";

export const metadata: Metadata = { title: "Dashboard" };

const PATH = "/dashboard";

export default async function DashboardPage() {
  const session = await auth();
  const firstName = session?.user.name?.split(" ")[0];
  return (
    <div className="space-y-10">
      <PageHeader
        title={firstName ? `Hello, ${firstName}` : "Dashboard"}
        description="Your bank accounts linked to Astra, and the money moving between them."
        actions={
          <>
            <ResyncButton />
            <Link href="/routines/new" className={buttonStyles.primary}>
              New routine
            </Link>
          </>
        }
      />
      <section aria-labelledby="accounts-heading" className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 id="accounts-heading" className="text-lg font-semibold">
            Linked accounts
          </h2>
          {/* A route handler that redirects to Astra: never prefetch it. */}
          <TextLink href="/accounts/link" prefetch={false} className="text-sm">
            Link a bank account
          </TextLink>
        </div>
        {/* Each section streams on its own: the shell renders at once, the data when Astra answers. */}
        <Suspense fallback={<AccountListSkeleton />}>
          <AccountList path={PATH} />
        </Suspense>
      </section>
      <section aria-labelledby="cards-heading" className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 id="cards-heading" className="text-lg font-semibold">
            Debit cards
          </h2>
          <TextLink href="/accounts/link-card" prefetch={false} className="text-sm">
            Link a debit card
          </TextLink>
        </div>
        <Suspense fallback={<CardListSkeleton />}>
          <CardList path={PATH} removeAction={removeCardAction} />
        </Suspense>
      </section>
      <Suspense fallback={<ActivitySkeleton />}>
        <Activity path={PATH} />
      </Suspense>
    </div>
  );
}
