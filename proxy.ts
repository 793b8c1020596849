// Runs before every page and route except static files and the webhook receiver. It does these jobs:
// 0. Input the framework would answer with a 500 (a foreign callbackUrl, a malformed server action) gets a 4xx.
// 1. Security headers on every response, with a fresh CSP nonce that Next.js stamps on its own scripts (it reads
//    the nonce from the CSP header on the request, so the header goes on both).
// 2. For the signed-in routes (lib/auth/signed-in-routes.ts), a session: signed-out visitors go to /signin and
//    come back afterwards; signed-in ones get their Astra tokens refreshed a little before they expire (once per
//    session, however many requests arrive together), with the new cookie handed both to this request's page and
//    to the browser, where a cookie can still be written.
import { NextResponse, type NextRequest } from "next/server";
import { AstraError } from "@/lib/astra/errors";
import { signInUrlFor } from "@/lib/auth/callback-path";
import { latestTokens, needsRefresh, refreshSessionTokens } from "@/lib/auth/refresh-token";
import {
  decodeSession,
  encodeSession,
  readSessionCookie,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/session-cookie";
import { sessionRuleFor } from "@/lib/auth/signed-in-routes";
import { getEnv, type Env } from "@/lib/env";
import {
  actionBodyRefusal,
  actionOriginRefusal,
  addressedOrigin,
  badCallbackCookies,
  callbackQueryRefusal,
  isServerActionRequest,
} from "@/lib/http/framework-input";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  securityHeaderOptions,
  type SecurityHeaderOptions,
} from "@/lib/security-headers";

export async function proxy(request: NextRequest) {
  const env = getEnv();
  // The URL as the visitor addressed it: without AUTH_URL, `next start` behind a proxy sees its own host.
  const origin = addressedOrigin(request.headers, request.nextUrl, env.authUrl);
  const publicUrl = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin);
  const security = securityHeaderOptions(env, publicUrl);
  const droppedCookies = badCallbackCookies(request.cookies.getAll(), origin);
  for (const name of droppedCookies) request.cookies.delete(name);
  const response =
    (await refuseFrameworkInput(request, origin)) ??
    (await withSession(request, publicUrl, env, () => passThrough(request, security)));
  for (const name of droppedCookies) response.cookies.set(name, "", { path: "/", maxAge: 0 });
  applySecurityHeaders(response.headers, security);
  return response;
}

/** A 4xx for input Auth.js or Next would otherwise answer with a 500 (lib/http/framework-input.ts). */
async function refuseFrameworkInput(request: NextRequest, origin: string): Promise<NextResponse | null> {
  const { method, nextUrl, headers } = request;
  const refusal =
    callbackQueryRefusal(nextUrl, origin) ??
    (isServerActionRequest(method, nextUrl.pathname, headers)
      ? (actionOriginRefusal(headers) ?? (await actionBodyRefusal(request)))
      : null);
  if (!refusal) return null;
  return NextResponse.json(
    { error: { kind: refusal.kind, message: refusal.message } },
    { status: refusal.status, headers: { "cache-control": "no-store" } },
  );
}

/** Lets the request through with the CSP on it, so Next renders the page with this request's nonce. */
function passThrough(request: NextRequest, security: SecurityHeaderOptions): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", contentSecurityPolicy(security));
  // For a page that adds its own <Script nonce={…}> (a third-party script, say).
  headers.set("x-nonce", security.nonce);
  return NextResponse.next({ request: { headers } });
}

async function withSession(
  request: NextRequest,
  publicUrl: URL,
  env: Env,
  next: () => NextResponse,
): Promise<NextResponse> {
  const rule = sessionRuleFor(request.nextUrl.pathname);
  if (!rule) return next();

  const name = sessionCookieName(env);
  const value = readSessionCookie(request.cookies, name);
  const token = value ? await decodeSession(value, env, name) : null;
  if (!token) {
    if (rule === "api") return NextResponse.json({ error: "Sign in with Astra first." }, { status: 401 });
    return NextResponse.redirect(signInUrlFor(publicUrl));
  }

  // Another request may already have refreshed this session (say, a page that got a 401): save its tokens.
  let refreshed = latestTokens(token);
  if (needsRefresh(refreshed, Math.floor(Date.now() / 1000))) {
    try {
      refreshed = await refreshSessionTokens(refreshed);
      if (refreshed.error) logRefreshFailure(request, "refresh_token_rejected");
    } catch (error) {
      // Astra is unreachable or refused the app: the page renders and shows that error, rather than failing here.
      logRefreshFailure(request, error instanceof AstraError ? error.kind : "unexpected", error);
    }
  }
  if (refreshed === token) return next();

  const nextValue = await encodeSession(refreshed, env, name);
  // next-auth splits a large session into `name.0`, `name.1`…; one whole cookie replaces them everywhere.
  const chunks = request.cookies.getAll().filter((cookie) => cookie.name.startsWith(`${name}.`));
  // Replace it on this request, so the page renders with the new token…
  for (const chunk of chunks) request.cookies.delete(chunk.name);
  request.cookies.set(name, nextValue);
  const response = next();
  // …and on the response, so the browser's next request carries it too.
  response.cookies.set(name, nextValue, sessionCookieOptions(env));
  for (const chunk of chunks) response.cookies.set(chunk.name, "", { ...sessionCookieOptions(env), maxAge: 0 });
  return response;
}

/** One structured line per failed refresh, for the server's log: where, why and Astra's request id, no token. */
function logRefreshFailure(request: NextRequest, cause: string, error?: unknown) {
  const line = {
    event: "session_refresh_failed",
    path: request.nextUrl.pathname,
    cause,
    status: error instanceof AstraError ? error.status : undefined,
    requestId: error instanceof AstraError ? error.requestId : undefined,
  };
  console.warn(JSON.stringify(line));
}

export const config = {
  // Not static files, which need neither. Not the webhook receiver: where the proxy runs, Next buffers the
  // request body (up to 10 MB) before the route sees it, and the receiver refuses large bodies itself, early.
  // Not the emulator mounted in demo mode (/emulator): it reads its own bodies and sets its own headers.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico|icon$|api/webhooks/|emulator(?:/|$)).*)"],
};
