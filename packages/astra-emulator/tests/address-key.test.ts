// addressKey: the bucket a per-address limit counts under; every address of one IPv6 /64 shares one.
import { describe, expect, it } from "vitest";
import { addressKey } from "../src/lib/address-key";

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002::", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:db8:0:0:ffff::9", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1.2.3.4", "fe80:0:0:0::/64"],
    ["unknown", "unknown"],
  ])("keys %s as %s", (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });

  it("puts every address of one /64 in one bucket and the next /64 in another", () => {
    const host = ["2001:db8:a:b::1", "2001:db8:a:b:ffff:ffff:ffff:ffff", "2001:db8:a:b:1234::"].map(addressKey);
    expect(new Set(host).size).toBe(1);
    expect(addressKey("2001:db8:a:c::1")).not.toBe(host[0]);
  });
});
