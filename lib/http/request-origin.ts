// The origin the current request was made to, for code that runs inside a request but is not handed one.
import "server-only";
import { headers } from "next/headers";

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Only used where the host is trusted anyway (AUTH_TRUST_HOST, or Vercel, whose edge sets these headers). */
export async function currentRequestOrigin(): Promise<string | undefined> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    return undefined;
  }
  const host = list.get("x-forwarded-host")?.split(",")[0]?.trim() || list.get("host");
  if (!host) return undefined;
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim() || (LOCAL_HOST.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

export function misnamedAuthUrl(requestOrigin: string | undefined, authUrl: string | undefined): boolean {
  // The origin is built from request headers, so a malformed Host must not throw.
  if (!requestOrigin || !authUrl || !URL.canParse(requestOrigin) || !URL.canParse(authUrl)) return false;
  const addressed = new URL(requestOrigin);
  const configured = new URL(authUrl);
  return LOCAL_HOST.test(addressed.host) && LOCAL_HOST.test(configured.host) && addressed.origin !== configured.origin;
}

export function authUrlAdvice(requestOrigin: string, authUrl: string): string {
  const port = URL.canParse(requestOrigin) ? new URL(requestOrigin).port : "";
  if (!port || !URL.canParse(authUrl) || port === new URL(authUrl).port) {
    return `Open the app at ${authUrl}: sign-in returns to the address AUTH_URL names.`;
  }
  return `This app runs on port ${port}, but AUTH_URL is ${authUrl}, so Astra would send you back to the wrong place. Set AUTH_URL=http://localhost:${port} in .env.local and restart the app (npm run dev listens on AUTH_URL's port).`;
}
