// Reads the Astra tokens out of the encrypted session cookie for server code (server components, actions,
// route handlers). The browser never sees them: /api/auth/session exposes the session, not the JWT.
import "server-only";
import { cookies } from "next/headers";
import { getToken, type JWT } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

export async function getSessionTokens(): Promise<JWT | null> {
  const env = getEnv();
  const cookieStore = await cookies();
  // Pass only the cookie header: getToken would otherwise also accept a Bearer header as a session.
  const headers = new Headers({ cookie: cookieStore.toString() });
  return getToken({ req: { headers }, secret: env.authSecret, secureCookie: env.useSecureCookies });
}

/** The signed-in user's Astra access token, or null when there is no usable session. */
export async function getAccessToken(): Promise<string | null> {
  const tokens = await getSessionTokens();
  return tokens?.accessToken ?? null;
}
