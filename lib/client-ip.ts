// The visitor's IP address, which Astra asks for when creating a user intent. A request header is evidence only
// when a proxy we run sets it: anyone can send `X-Forwarded-For`, so it is read only from the header the
// configuration names (CLIENT_IP_HEADER, or Vercel's own there).
import { isIP } from "node:net";

/** What Astra is told when the app cannot know the address (no trusted proxy in front of it). */
export const UNKNOWN_CLIENT_IP = "127.0.0.1";

export function clientIpFrom(headers: Pick<Headers, "get">, trustedHeader: string | undefined): string {
  if (!trustedHeader) return UNKNOWN_CLIENT_IP;
  // A proxy that appends (X-Forwarded-For style) writes the address it saw last; earlier ones came from the client.
  const candidate = headers.get(trustedHeader)?.split(",").at(-1)?.trim() ?? "";
  return isIP(candidate) ? candidate : UNKNOWN_CLIENT_IP;
}

/**
 * What a per-address limit counts under: an IPv4 address itself, an IPv6 address its /64 (a host holds a whole
 * /64 and may use any address in it). The emulator package's own addressKey does the same.
 */
export function addressKey(ip: string): string {
  if (isIP(ip) !== 6 || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.replace(/^::ffff:/i, "");
  const [head = "", tail] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0");
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
