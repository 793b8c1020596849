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
