// Sign-in and sign-out buttons. They are forms posting to server actions, so they work before JS loads.
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { moduleAnswers } from "@/lib/astra/module-urls";
import { ASTRA_PROVIDER_ID } from "@/lib/astra/oauth-provider";
import { getEnv } from "@/lib/env";
import { buttonStyles } from "@/components/ui/button-styles";
import { publicDemo } from "@/lib/plugins";

/** The sign-in page's error type when the emulator's pages do not answer. */
export const EMULATOR_NOT_RUNNING = "EmulatorNotRunning";

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
        if (env.astraEnv === "emulator" && !(await moduleAnswers(env))) {
          redirect(`/signin?${new URLSearchParams({ error: EMULATOR_NOT_RUNNING, callbackUrl: redirectTo })}`);
        }
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
