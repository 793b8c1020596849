// Calls Astra with the signed-in user's token; a 401 (revoked or expired early) gets one refresh and one retry.
import "server-only";
import { cookies } from "next/headers";
import type { JWT } from "next-auth/jwt";
import { AstraError } from "@/lib/astra/errors";
import { withAstraCaller } from "@/lib/astra/hooks";
import { getEnv } from "@/lib/env";
import { latestTokens, tokensAfterRejection } from "./refresh-token";
import {
  decodeSession,
  encodeSession,
  readSessionCookie,
  sessionCookieName,
  sessionCookieOptions,
} from "./session-cookie";

const notAuthorized = (message: string) => new AstraError({ kind: "unauthorized", status: 401, message });

export async function readSession(): Promise<JWT | null> {
  const env = getEnv();
  const name = sessionCookieName(env);
  const value = readSessionCookie(await cookies(), name);
  return value ? decodeSession(value, env, name) : null;
}

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

export async function requireSignedIn(): Promise<void> {
  const session = await readSession();
  usableAccessToken(session ? latestTokens(session) : null);
}

const isUnauthorized = (error: unknown) => error instanceof AstraError && error.kind === "unauthorized";

/** A server component cannot write cookies: proxy.ts saves the new pair on the next request. */
export async function callAstra<T>(loadAs: (accessToken: string) => Promise<T>, { save = true } = {}): Promise<T> {
  const session = await readSession();
  const load = (accessToken: string) => withAstraCaller(session?.astraUserId, () => loadAs(accessToken));
  const current = session ? latestTokens(session) : null;
  const accessToken = usableAccessToken(current);
  try {
    const result = await load(accessToken);
    if (save && current && current !== session) await writeSession(current);
    return result;
  } catch (error) {
    if (!isUnauthorized(error) || !session) throw error;
    const refreshed = await tokensAfterRejection(session, accessToken);
    if (save) await writeSession(refreshed);
    return load(usableAccessToken(refreshed));
  }
}

export function readFromAstra<T>(load: (accessToken: string) => Promise<T>): Promise<T> {
  return callAstra(load, { save: false });
}
