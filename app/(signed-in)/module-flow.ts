// Starting and finishing Astra module flows (bank linking, identity verification) for a signed-in user.
// `state` is a random value kept in an httpOnly cookie, so the return page can tell a flow this browser
// started from a forged link. It answers with a redirect and sets a cookie, so it lives beside the routes that use
// it (accounts/link, verify, and accounts/linked, which checks the cookie) rather than in the Astra layer, which
// only builds the URLs (lib/astra/module-urls.ts). Not a route: Next.js serves only page/route files.
import "server-only";
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { readSession } from "@/lib/auth/astra-session";
import { signInUrlFor } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/framework-input";
import { absoluteBase } from "@/lib/astra/base-url";
import { buildModuleUrl, moduleReturnUrl, type ModuleFlow } from "@/lib/astra/module-urls";

export const MODULE_STATE_COOKIE = "astra_module_state";

export async function startModuleFlow(request: NextRequest, chooseFlow: () => ModuleFlow | Promise<ModuleFlow>) {
  const env = getEnv();
  // The origin the visitor addressed (a proxy's forwarded host without AUTH_URL), not this instance's own.
  const origin = addressedOrigin(request.headers, request.nextUrl, env.authUrl);
  const session = await readSession();
  if (!session)
    return NextResponse.redirect(signInUrlFor(new URL(request.nextUrl.pathname + request.nextUrl.search, origin)));
  const state = randomBytes(16).toString("base64url");
  const returnUrl = moduleReturnUrl(origin);
  // Demo mode without AUTH_URL: the module is this request's origin + /emulator.
  const moduleEnv = { ...env, astraAppUrl: absoluteBase(env.astraAppUrl, origin) };
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
