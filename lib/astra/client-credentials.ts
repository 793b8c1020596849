import "server-only";
import type { Env } from "@/lib/env";

export function clientBasicAuthorization(env: Pick<Env, "astraClientId" | "astraClientSecret">): string {
  // RFC 6749 2.3.1: each part is form-encoded before the pair is base64-encoded.
  const pair = `${encodeURIComponent(env.astraClientId)}:${encodeURIComponent(env.astraClientSecret)}`;
  return `Basic ${Buffer.from(pair).toString("base64")}`;
}
