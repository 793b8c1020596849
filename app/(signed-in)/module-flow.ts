// Starting and finishing Astra module flows. `state` lives in an httpOnly cookie so the return page can tell a
// flow this browser started from a forged link; it sets cookies, so it sits beside its routes, not in lib/astra.
import "server-only";
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { readSession } from "@/lib/auth/astra-session";
import { signInUrlFor } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/framework-input";
import { absoluteBase } from "@/lib/astra/base-url";
import {
  buildModuleUrl,
  EMULATOR_NOT_RUNNING,
  moduleAnswers,
  moduleReturnUrl,
  type ModuleFlow,
} from "@/lib/astra/module-urls";

export const MODULE_STATE_COOKIE = "astra_module_state";

export async function startModuleFlow(request: NextRequest, chooseFlow: () => ModuleFlow | Promise<ModuleFlow>) {
  const env = getEnv();
  // The origin the visitor addressed, not this instance's own.
  const origin = addressedOrigin(request.headers, request.nextUrl, env.authUrl);
  const session = await readSession();
  if (!session)
    return NextResponse.redirect(signInUrlFor(new URL(request.nextUrl.pathname + request.nextUrl.search, origin)));
  const state = randomBytes(16).toString("base64url");
  const returnUrl = moduleReturnUrl(origin);
  const moduleEnv = { ...env, astraAppUrl: absoluteBase(env.astraAppUrl, origin) };
  if (env.astraEnv === "emulator" && !(await moduleAnswers(moduleEnv)))
    return NextResponse.redirect(new URL(`/accounts/linked?error=${EMULATOR_NOT_RUNNING}`, origin));
  const target = buildModuleUrl(moduleEnv, await chooseFlow(), { returnUrl, state, userId: session.astraUserId });
  const response = NextResponse.redirect(target);
  response.cookies.set(MODULE_STATE_COOKIE, state, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 15 * 60,
    secure: env.useSecureCookies,
  });
  return response;
}
