// Sign-in and sign-out buttons. They are forms posting to server actions, so they work before JS loads.
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { EMULATOR_NOT_RUNNING, moduleAnswers } from "@/lib/astra/module-urls";
import { ASTRA_PROVIDER_ID } from "@/lib/astra/oauth-provider";
import { getEnv } from "@/lib/env";
import { currentRequestOrigin, misnamedAuthUrl } from "@/lib/http/request-origin";
import { buttonStyles } from "@/components/ui/button-styles";
import { publicDemo } from "@/lib/plugins";

/** The sign-in page's error types for a local setup that cannot sign in. */
export const AUTH_URL_MISMATCH = "AuthUrlMismatch";

export function SignInButton({
  callbackPath = "/dashboard",
  label = "Sign in with Astra",
  variant = "primary",
}: {
  callbackPath?: string;
  label?: string;
  variant?: keyof typeof buttonStyles;
}) {
  // The public demo signs people in only through Try the demo, each as a visitor of their own.
  if (publicDemo()) return null;
  return (
    <form
      action={async () => {
        "use server";
        const redirectTo = safeCallbackPath(callbackPath);
        const env = getEnv();
        const stop = (error: string) => redirect(`/signin?${new URLSearchParams({ error, callbackUrl: redirectTo })}`);
        if (env.nodeEnv !== "production" && misnamedAuthUrl(await currentRequestOrigin(), env.authUrl)) {
          stop(AUTH_URL_MISMATCH);
        }
        if (env.astraEnv === "emulator" && !(await moduleAnswers(env))) stop(EMULATOR_NOT_RUNNING);
        await signIn(ASTRA_PROVIDER_ID, { redirectTo });
      }}
    >
      <button type="submit" className={buttonStyles[variant]}>
        {label}
      </button>
    </form>
  );
}

export function SignOutButton() {
  return (
    <form
      action={async () => {
        "use server";
        await signOut({ redirectTo: "/" });
      }}
    >
      <button type="submit" className={buttonStyles.quiet}>
        Sign out
      </button>
    </form>
  );
}
