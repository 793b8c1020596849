// The key a per-address limit counts under. One IPv6 host usually holds a whole /64, so counting each of its
// addresses apart would give it billions of buckets: an IPv6 address counts under its /64 prefix.
import { isIPv4, isIPv6 } from "node:net";

/** The first four 16-bit groups of an IPv6 address, in full, lower-case, e.g. "2001:db8:0:1". */
function prefix64(ip: string): string {
  const [head = "", tail] = ip.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // An embedded IPv4 tail ("::1.2.3.4") is two groups, all in the last 64 bits, so its value does not matter here.
  const tailLength = tailGroups.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailLength).fill("0")];
  return groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":");
}

/** An IPv4 address as it is; an IPv6 address as its /64 ("2001:db8:0:1::/64"); anything else unchanged. */
export function addressKey(ip: string): string {
  const address = ip.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv6(address)) return `${prefix64(address)}::/64`;
  return address;
}
