// "Try the demo" (ASTRA_ENV=demo only): asks the embedded emulator for a fresh test user of the visitor's own,
// then starts the normal Sign in with Astra carrying that user's one-use sign-in token, so only this browser can
// sign in as them, straight to the module's consent page. A failure lands on /signin with an error the page
// explains.
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ASTRA_PROVIDER_ID } from "@/lib/astra/oauth-provider";
import { signIn } from "@/lib/auth/next-auth";
import { clientIpFrom } from "@/lib/client-ip";
import { ControlApiError, createDemoVisitor, type DemoVisitor } from "@/lib/dev-tools/control-api";
import { getEnv } from "@/lib/env";

/** The /signin?error= values a failed start sends people back with (app/signin/page.tsx words them). */
export type DemoSignInError = "DemoRateLimited" | "DemoUnavailable";

/** Runs as the Try the demo button's server action (components/demo/try-demo-button.tsx); always redirects. */
export async function startDemoVisit(): Promise<void> {
  const env = getEnv();
  if (env.astraEnv !== "demo") notFound();
  // The emulator limits visitors per address; only the trusted proxy's header can name it (lib/client-ip.ts).
  const clientIp = clientIpFrom(await headers(), env.clientIpHeader);
  let visitor: DemoVisitor;
  try {
    visitor = await createDemoVisitor(clientIp);
  } catch (error) {
    const reason: DemoSignInError =
      error instanceof ControlApiError && error.status === 429 ? "DemoRateLimited" : "DemoUnavailable";
    if (reason === "DemoUnavailable") console.error("[demo] could not create a visitor:", error);
    redirect(`/signin?error=${reason}`);
  }
  await signIn(ASTRA_PROVIDER_ID, { redirectTo: "/dashboard" }, { visitor_token: visitor.sign_in_token });
}
