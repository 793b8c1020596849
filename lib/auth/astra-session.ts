// Calls Astra with the signed-in user's token, and recovers from a 401 (a token Astra revoked or expired
// early) with one refresh and one retry. Where cookies can be written (route handlers, server actions) that
// happens in place; a server component instead redirects once through /auth/refresh, which can write them.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { JWT } from "next-auth/jwt";
import { AstraError } from "@/lib/astra/errors";
import { getEnv } from "@/lib/env";
import { refreshSessionTokens } from "./refresh-token";
import { decodeSession, encodeSession, readSessionCookie, sessionCookieName, sessionCookieOptions } from "./session-cookie";

/** Set by /auth/refresh for a short while, so a page that still gets a 401 shows it instead of looping. */
export const REFRESH_ATTEMPT_COOKIE = "astra_refresh_attempt";

const notAuthorized = (message: string) => new AstraError({ kind: "unauthorized", status: 401, message });

export async function readSession(): Promise<JWT | null> {
  const env = getEnv();
  const name = sessionCookieName(env);
  const value = readSessionCookie(await cookies(), name);
  return value ? decodeSession(value, env, name) : null;
}

/** Writes the session cookie; only callable from route handlers and server actions. */
export async function writeSession(token: JWT): Promise<void> {
  const env = getEnv();
  const name = sessionCookieName(env);
  const store = await cookies();
  for (const cookie of store.getAll()) if (cookie.name.startsWith(`${name}.`)) store.delete(cookie.name);
  store.set(name, await encodeSession(token, env, name), sessionCookieOptions(env));
}

function usableAccessToken(token: JWT | null): string {
  if (!token) throw notAuthorized("There is no Astra authorization in this session.");
  if (token.error === "RefreshTokenError" || !token.accessToken) {
    throw notAuthorized("Astra no longer accepts this session's authorization.");
  }
  return token.accessToken;
}

const isUnauthorized = (error: unknown) => error instanceof AstraError && error.kind === "unauthorized";

/** For server components: load with the session's token; on a 401, refresh through /auth/refresh once. */
export async function readFromAstra<T>(returnTo: string, load: (accessToken: string) => Promise<T>): Promise<T> {
  const accessToken = usableAccessToken(await readSession());
  try {
    return await load(accessToken);
  } catch (error) {
    if (!isUnauthorized(error) || (await cookies()).has(REFRESH_ATTEMPT_COOKIE)) throw error;
    redirect(`/auth/refresh?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
}

/** For route handlers and server actions: on a 401, refresh the tokens, save them, and retry once. */
export async function callAstra<T>(load: (accessToken: string) => Promise<T>): Promise<T> {
  const session = await readSession();
  const accessToken = usableAccessToken(session);
  try {
    return await load(accessToken);
  } catch (error) {
    if (!isUnauthorized(error) || !session) throw error;
    const refreshed = await refreshSessionTokens(session);
    await writeSession(refreshed);
    return load(usableAccessToken(refreshed));
  }
}
