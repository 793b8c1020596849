import type { Metadata } from "next";
import { Suspense } from "react";
import { AccountList, AccountListSkeleton } from "@/components/accounts/account-list";
import { auth } from "@/lib/auth";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await auth();
  const firstName = session?.user.name?.split(" ")[0];
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{firstName ? `Welcome back, ${firstName}` : "Dashboard"}</h1>
        <p className="text-slate-600">Your bank accounts linked to Astra.</p>
      </div>
      <section aria-labelledby="accounts-heading" className="space-y-4">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          Linked accounts
        </h2>
        {/* Streams: the page shell renders at once, the accounts when Astra answers. */}
        <Suspense fallback={<AccountListSkeleton />}>
          <AccountList path="/dashboard" />
        </Suspense>
      </section>
    </div>
  );
}
