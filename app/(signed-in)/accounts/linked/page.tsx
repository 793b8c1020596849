import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { MODULE_STATE_COOKIE } from "@/lib/astra/module-flow";

export const metadata: Metadata = { title: "Back from Astra" };

type SearchParams = Promise<{ state?: string; accounts_linked?: string; status?: string; error?: string }>;

// Where Astra's module flows return: bank linking (?accounts_linked=n) and verification (?status=approved).
export default async function BackFromAstraPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const expected = (await cookies()).get(MODULE_STATE_COOKIE)?.value;
  const trusted = Boolean(expected && params.state === expected);

  let title: string;
  let body: string;
  if (!trusted) {
    title = "This link did not come from this app";
    body = "Nothing was changed here. If you were linking an account, start again from your dashboard.";
  } else if (params.error) {
    title = "Nothing was linked";
    body = "Astra's flow ended without a change. You can try again whenever you are ready.";
  } else if (params.accounts_linked) {
    const count = Number(params.accounts_linked) || 0;
    title = count === 1 ? "1 bank account linked" : `${count} bank accounts linked`;
    body = "They now appear on your dashboard and can be used in routines.";
  } else {
    title = "Identity verified";
    body = "Astra has what it needs. Routines that were waiting for verification can run now.";
  }

  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-slate-600">{body}</p>
      <Link href="/dashboard" className={buttonStyles.primary}>
        Go to your dashboard
      </Link>
    </div>
  );
}
