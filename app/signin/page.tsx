import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AUTH_URL_MISMATCH, SignInButton } from "@/components/auth-buttons";
import { EMULATOR_NOT_RUNNING } from "@/lib/astra/module-urls";
import { EmulatorHint, TryDemoButton } from "@/components/plugin-slots";
import { PageHeader } from "@/components/ui/page-header";
import { auth } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";
import { authUrlAdvice, currentRequestOrigin } from "@/lib/http/request-origin";

export const metadata: Metadata = { title: "Sign in" };

// next-auth redirects here with ?error=<type>; these are the ones a person can cause.
const SIGN_IN_ERRORS: Record<string, { title: string; body: string }> = {
  OAuthCallbackError: {
    title: "You did not authorize the app",
    body: "Astra sent you back without an authorization, so nothing was shared. Sign in again whenever you are ready.",
  },
  AccessDenied: {
    title: "Access was denied",
    body: "Astra did not allow this sign-in. Try again, or use a different Astra account.",
  },
  [EMULATOR_NOT_RUNNING]: {
    title: "The emulator is not running",
    body: "Sign-in happens on the emulator's pages, and nothing answers at its address. Start it: npm run dev starts the app and the emulator together; npm run emulator starts the emulator alone. Then sign in again.",
  },
  MissingCSRF: {
    title: "That sign-in form expired",
    body: "For your security, sign-in forms are only valid for a short time. Press the button again.",
  },
};
// Try the demo's own (lib/demo/start-visit.ts).
const DEMO_ERRORS: Record<string, { title: string; body: string }> = {
  DemoRateLimited: {
    title: "That is a lot of demo users",
    body: "This address made ten demo users in the last hour, the most the demo allows. Try again later.",
  },
  DemoUnavailable: {
    title: "The demo could not make a user",
    body: "Something went wrong on the demo's side; nothing was created. Try again in a moment.",
  },
};
const FALLBACK_ERROR = {
  title: "Sign-in could not be completed",
  body: "The app could not finish signing you in with Astra. Try again; if it keeps failing, the server log says why.",
};

async function authUrlMismatch() {
  const body = authUrlAdvice((await currentRequestOrigin()) ?? "", getEnv().authUrl ?? "");
  return { title: "AUTH_URL names another address", body };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl, getEnv().authUrl);
  if (await auth()) redirect(callbackPath);

  const errorType = Array.isArray(error) ? error[0] : error;
  const message =
    errorType === AUTH_URL_MISMATCH
      ? await authUrlMismatch()
      : errorType
        ? (SIGN_IN_ERRORS[errorType] ?? DEMO_ERRORS[errorType] ?? FALLBACK_ERROR)
        : undefined;

  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title="Sign in" description="Sign in with your Astra account to see your linked bank accounts." />
      {message ? (
        <div
          role="alert"
          className="rounded-control border border-danger-line bg-danger-soft p-4 text-sm text-danger-ink"
        >
          <p className="font-semibold">{message.title}</p>
          <p className="mt-1">{message.body}</p>
        </div>
      ) : null}
      <TryDemoButton />
      <SignInButton
        callbackPath={callbackPath}
        label={message ? "Try again with Astra" : "Sign in with Astra"}
        variant={getEnv().astraEnv === "demo" ? "secondary" : "primary"}
      />
      <EmulatorHint />
    </div>
  );
}
