// Links into Astra's hosted module (bank and card linking, identity verification) for a signed-in user.
import "server-only";
import type { Env } from "@/lib/env";
import { joinUrl } from "./base-url";

export type ModuleFlow = "link-account" | "link-card" | "verify-personal" | "verify-document";

const PATHS: Record<ModuleFlow, string> = {
  "link-account": "/institutions/connect",
  "link-card": "/cards/connect",
  "verify-personal": "/verify/personal",
  "verify-document": "/verify/document",
};

/** It must be registered with Astra exactly. */
export function moduleReturnUrl(origin: string): string {
  return `${origin}/accounts/linked`;
}

export function buildModuleUrl(
  env: Pick<Env, "astraAppUrl" | "astraClientId">,
  flow: ModuleFlow,
  { returnUrl, state, userId }: { returnUrl: string; state: string; userId?: string },
): string {
  const url = new URL(joinUrl(env.astraAppUrl, PATHS[flow]));
  url.searchParams.set("client_id", env.astraClientId);
  url.searchParams.set("redirect_uri", returnUrl);
  url.searchParams.set("state", state);
  if (userId) url.searchParams.set("user_id", userId);
  return url.toString();
}

/** The error a page names when the module is the emulator and it is not running. */
export const EMULATOR_NOT_RUNNING = "EmulatorNotRunning";

/** Whether anything answers at the module's address: a stopped emulator would leave the browser on an error page. */
export async function moduleAnswers(env: Pick<Env, "astraAppUrl">, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(env.astraAppUrl, {
      method: "HEAD",
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
