// "Try the demo": a fresh test user of the visitor's own, signed in with a one-use token only this browser holds.
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ASTRA_PROVIDER_ID } from "@/lib/astra/oauth-provider";
import { signIn } from "@/lib/auth/next-auth";
import { clientIpFrom } from "@/lib/client-ip";
import { ControlApiError, createDemoVisitor, type DemoVisitor } from "@/lib/dev-tools/control-api";
import { getEnv } from "@/lib/env";

export type DemoSignInError = "DemoRateLimited" | "DemoUnavailable";

export async function startDemoVisit(): Promise<void> {
  const env = getEnv();
  if (env.astraEnv !== "demo") notFound();
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
