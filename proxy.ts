// Runs before signed-in pages and the app's Astra route handlers. It keeps the session's Astra tokens fresh
// where a cookie can still be written: a little before the access token expires it refreshes them (once per
// session, however many requests arrive together) and hands the new cookie both to this request's page and to
// the browser. Signed-out visitors go to /signin and come back afterwards.
import { NextResponse, type NextRequest } from "next/server";
import { signInUrlFor } from "@/lib/auth/callback-path";
import { latestTokens, needsRefresh, refreshSessionTokens } from "@/lib/auth/refresh-token";
import {
  decodeSession,
  encodeSession,
  readSessionCookie,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const env = getEnv();
  const name = sessionCookieName(env);
  const value = readSessionCookie(request.cookies, name);
  const token = value ? await decodeSession(value, env, name) : null;

  if (!token) {
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json({ error: "Sign in with Astra first." }, { status: 401 });
    }
    return NextResponse.redirect(signInUrlFor(request.nextUrl));
  }

  // Another request may already have refreshed this session (say, a page that got a 401): save its tokens.
  let refreshed = latestTokens(token);
  if (needsRefresh(refreshed, Math.floor(Date.now() / 1000))) {
    try {
      refreshed = await refreshSessionTokens(refreshed);
    } catch {
      // Astra is unreachable: let the page render and show that error, rather than failing here.
    }
  }
  if (refreshed === token) return NextResponse.next();

  const nextValue = await encodeSession(refreshed, env, name);
  // next-auth splits a large session into `name.0`, `name.1`…; one whole cookie replaces them everywhere.
  const chunks = request.cookies.getAll().filter((cookie) => cookie.name.startsWith(`${name}.`));
  // Replace it on this request, so the page renders with the new token…
  for (const chunk of chunks) request.cookies.delete(chunk.name);
  request.cookies.set(name, nextValue);
  const response = NextResponse.next({ request: { headers: request.headers } });
  // …and on the response, so the browser's next request carries it too.
  response.cookies.set(name, nextValue, sessionCookieOptions(env));
  for (const chunk of chunks) response.cookies.set(chunk.name, "", { ...sessionCookieOptions(env), maxAge: 0 });
  return response;
}

export const config = {
  matcher: ["/dashboard/:path*", "/accounts/:path*", "/routines/:path*", "/transfers/:path*", "/api/astra/:path*"],
};
