import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { EMULATOR_NOT_RUNNING } from "@/lib/astra/module-urls";
import { MODULE_STATE_COOKIE } from "../../module-flow";

export const metadata: Metadata = { title: "Back from Astra" };

type SearchParams = Promise<{
  state?: string;
  accounts_linked?: string;
  cards_linked?: string;
  status?: string;
  error?: string;
}>;
type Outcome = { title: string; body: string; verifyAgain?: boolean };

// What Astra's verification flow reports on return, in words (the user's status after it).
const VERIFICATION_OUTCOMES: Record<string, Outcome> = {
  approved: { title: "Identity verified", body: "Astra has what it needs. Routines that were waiting can run now." },
  pending: {
    title: "Astra is reviewing your details",
    body: "This usually takes moments. Routines start once it is done.",
  },
  retry: {
    title: "Astra needs your details again",
    body: "Something did not match. Check them and try once more.",
    verifyAgain: true,
  },
  document: {
    title: "Astra needs a photo ID",
    body: "Upload a photo of your ID to finish verification.",
    verifyAgain: true,
  },
  rejected: {
    title: "Astra could not verify you",
    body: "Routines cannot run for this account. Contact support for the reason.",
  },
  suspended: { title: "Your Astra account is suspended", body: "Contact support to find out what to do." },
};

// Where Astra's module flows return: bank and card linking (?accounts_linked=n, ?cards_linked=n) and
// verification (?status=…).
export default async function BackFromAstraPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const expected = (await cookies()).get(MODULE_STATE_COOKIE)?.value;
  const outcome = describe(params, Boolean(expected && params.state === expected));

  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold tracking-tight">{outcome.title}</h1>
      <p className="text-muted">{outcome.body}</p>
      <div className="flex justify-center gap-3">
        {outcome.verifyAgain ? (
          <Link href="/verify" prefetch={false} className={buttonStyles.primary}>
            Continue verification
          </Link>
        ) : null}
        <Link href="/dashboard" className={outcome.verifyAgain ? buttonStyles.secondary : buttonStyles.primary}>
          Go to your dashboard
        </Link>
      </div>
    </div>
  );
}

function describe(params: Awaited<SearchParams>, trusted: boolean): Outcome {
  if (params.error === EMULATOR_NOT_RUNNING) {
    return {
      title: "The emulator is not running",
      body: "Astra's pages are the emulator's here, and nothing answers at its address. Start it: npm run dev starts the app and the emulator together; npm run emulator starts the emulator alone. Then try again.",
    };
  }
  if (!trusted) {
    return {
      title: "This link did not come from this app",
      body: "Nothing was changed here. If you were linking an account, start again from your dashboard.",
    };
  }
  if (params.error)
    return { title: "Nothing was changed", body: "Astra's flow ended early. Try again whenever you are ready." };
  if (params.accounts_linked !== undefined) {
    const count = Number(params.accounts_linked) || 0;
    return {
      title: count === 1 ? "1 bank account linked" : `${count} bank accounts linked`,
      body: "They now appear on your dashboard and can be used in routines.",
    };
  }
  if (params.cards_linked !== undefined) {
    return {
      title: "Debit card linked",
      body: "It now appears on your dashboard. Routines to or from it need Astra to enable debit payments.",
    };
  }
  return (
    VERIFICATION_OUTCOMES[params.status ?? ""] ?? {
      title: "Back from Astra",
      body: "Astra did not say what changed. Your dashboard shows the current state.",
    }
  );
}
