import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { RoutineForm } from "@/components/routines/routine-form";
import { accountLabel, getAccounts } from "@/lib/astra/accounts";
import { AstraError } from "@/lib/astra/errors";
import { readFromAstra } from "@/lib/auth/astra-session";
import { todayInAstraZone } from "@/lib/dates";
import { createRoutineAction } from "../actions";

export const metadata: Metadata = { title: "New routine" };

const PATH = "/routines/new";

export default async function NewRoutinePage() {
  let accounts;
  try {
    accounts = await readFromAstra(getAccounts);
  } catch (error) {
    if (error instanceof AstraError) return <AstraErrorPanel error={error} path={PATH} />;
    throw error;
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">New routine</h1>
        <p className="text-slate-600">Move money between your accounts once, or on a schedule.</p>
      </div>
      {accounts.length < 2 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-semibold">A routine needs two accounts</p>
          <p className="mt-1 text-sm text-slate-600">
            Link another bank account to move money between them.{" "}
            <Link href="/accounts/link" prefetch={false} className="font-medium text-indigo-700 underline">
              Link a bank account
            </Link>
          </p>
        </div>
      ) : (
        <RoutineForm
          accounts={accounts.map((a) => ({ id: a.id, label: accountLabel(a) }))}
          today={todayInAstraZone()}
          initialIdempotencyKey={randomUUID()}
          action={createRoutineAction}
        />
      )}
    </div>
  );
}
