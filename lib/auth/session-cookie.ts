// The next-auth session cookie, rewritten where cookies can be written so a refreshed token pair is not lost.
import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { Env } from "@/lib/env";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function sessionCookieName(env: Pick<Env, "useSecureCookies">): string {
  return env.useSecureCookies ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export function sessionCookieOptions(env: Pick<Env, "useSecureCookies">) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: env.useSecureCookies,
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}

type CookieReader = { getAll(): { name: string; value: string }[] };

export function readSessionCookie(cookies: CookieReader, name: string): string | undefined {
  const all = cookies.getAll();
  const whole = all.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = all
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : undefined;
}

export async function decodeSession(value: string, env: Pick<Env, "authSecret">, name: string): Promise<JWT | null> {
  try {
    return await decode({ token: value, secret: env.authSecret, salt: name });
  } catch {
    return null; // tampered, expired or from another secret: treat as signed out
  }
}

export function encodeSession(token: JWT, env: Pick<Env, "authSecret">, name: string): Promise<string> {
  const claims: JWT = { ...token };
  delete claims.iat;
  delete claims.exp;
  delete claims.jti;
  return encode({ token: claims, secret: env.authSecret, salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
}
