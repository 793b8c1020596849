// The visitor's IP address. Anyone can send X-Forwarded-For, so only the header the configuration names is read.
import { isIP } from "node:net";

export const UNKNOWN_CLIENT_IP = "127.0.0.1";

export function clientIpFrom(headers: Pick<Headers, "get">, trustedHeader: string | undefined): string {
  if (!trustedHeader) return UNKNOWN_CLIENT_IP;
  // A proxy that appends (X-Forwarded-For style) writes the address it saw last; earlier ones came from the client.
  const candidate = headers.get(trustedHeader)?.split(",").at(-1)?.trim() ?? "";
  return isIP(candidate) ? candidate : UNKNOWN_CLIENT_IP;
}

/** An IPv6 host holds a whole /64, so that is one address here (as in the emulator's address-key.ts). */
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
