import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AccountList, AccountListSkeleton } from "@/components/accounts/account-list";
import { Activity } from "@/components/dashboard/activity";
import { ResyncButton } from "@/components/resync-button";
import { buttonStyles } from "@/components/ui/button-styles";
import { auth } from "@/lib/auth";

export const metadata: Metadata = { title: "Dashboard" };

const PATH = "/dashboard";

export default async function DashboardPage() {
  const session = await auth();
  const firstName = session?.user.name?.split(" ")[0];
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{firstName ? `Hello, ${firstName}` : "Dashboard"}</h1>
          <p className="text-slate-600">Your bank accounts linked to Astra, and the money moving between them.</p>
        </div>
        <div className="flex flex-wrap gap-3">
          <ResyncButton />
          <Link href="/routines/new" className={buttonStyles.primary}>New routine</Link>
        </div>
      </div>
      <section aria-labelledby="accounts-heading" className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 id="accounts-heading" className="text-lg font-semibold">Linked accounts</h2>
          {/* A route handler that redirects to Astra: never prefetch it. */}
          <Link href="/accounts/link" prefetch={false} className="text-sm font-medium text-indigo-700 hover:underline">
            Link a bank account
          </Link>
        </div>
        {/* Each section streams on its own: the shell renders at once, the data when Astra answers. */}
        <Suspense fallback={<AccountListSkeleton />}>
          <AccountList path={PATH} />
        </Suspense>
      </section>
      <Suspense fallback={<div className="h-48 animate-pulse rounded-xl border border-slate-200 bg-white" role="status" aria-label="Loading activity" />}>
        <Activity path={PATH} />
      </Suspense>
    </div>
  );
}
