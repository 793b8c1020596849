// The key a per-address limit counts under. An IPv6 host usually holds a whole /64 and can pick any address in it,
// so each IPv6 address counts as its /64 prefix; an IPv4 address (also one written as ::ffff:a.b.c.d) as itself.
import { isIP } from "node:net";

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
