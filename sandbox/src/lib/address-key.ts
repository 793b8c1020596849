// The key a per-address limit counts under. An IPv6 host usually holds a whole /64 and can pick any address in it,
// so each IPv6 address counts as its /64 prefix; an IPv4 address (also one written as ::ffff:a.b.c.d) as itself.
import { isIPv4, isIPv6 } from "node:net";

function expandIPv6(ip: string): number[] | null {
  const [head = "", tail, ...rest] = ip.split("::");
  if (rest.length > 0) return null;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const last = (tail === undefined ? left : right).at(-1);
  // A trailing dotted IPv4 part stands for two groups.
  const ipv4 = last !== undefined && isIPv4(last) ? last : null;
  if (ipv4) (tail === undefined ? left : right).pop();
  const words = (part: string[]) => part.map((group) => Number.parseInt(group, 16));
  const bytes = ipv4 ? ipv4.split(".").map(Number) : [];
  const v4Words = ipv4 ? [(bytes[0]! << 8) + bytes[1]!, (bytes[2]! << 8) + bytes[3]!] : [];
  const known = left.length + right.length + v4Words.length;
  const missing = tail === undefined ? 0 : 8 - known;
  const all = [...words(left), ...new Array<number>(missing).fill(0), ...words(right), ...v4Words];
  return all.length === 8 ? all : null;
}

export function addressKey(ip: string): string {
  const address = ip
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address.toLowerCase();
  const words = expandIPv6(address);
  if (!words) return address.toLowerCase();
  const mappedV4 = words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff;
  if (mappedV4) return [words[6]! >> 8, words[6]! & 255, words[7]! >> 8, words[7]! & 255].join(".");
  return `${words
    .slice(0, 4)
    .map((word) => word.toString(16))
    .join(":")}::/64`;
}
