import { describe, expect, it } from "vitest";
import { addressKey, clientIpFrom, UNKNOWN_CLIENT_IP } from "@/lib/client-ip";
import { parseEnv } from "@/lib/env";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIpFrom", () => {
  it("ignores X-Forwarded-For when no proxy is configured: a visitor can send any value", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.9" }), undefined)).toBe(UNKNOWN_CLIENT_IP);
  });

  it("reads only the configured header, taking the address the trusted proxy appended last", () => {
    const request = headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.7" });
    expect(clientIpFrom(request, "x-real-ip")).toBe("198.51.100.7");
    expect(clientIpFrom(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }), "x-forwarded-for")).toBe(
      "198.51.100.7",
    );
    expect(clientIpFrom(headers({ "x-vercel-forwarded-for": "2001:db8::1" }), "x-vercel-forwarded-for")).toBe(
      "2001:db8::1",
    );
  });

  it("falls back when the trusted header is missing or not an address", () => {
    expect(clientIpFrom(headers({}), "x-real-ip")).toBe(UNKNOWN_CLIENT_IP);
    expect(clientIpFrom(headers({ "x-real-ip": "not-an-ip; drop table" }), "x-real-ip")).toBe(UNKNOWN_CLIENT_IP);
  });
});

describe("CLIENT_IP_HEADER", () => {
  it("is unset by default, Vercel's header on Vercel, and validated when given", () => {
    expect(parseEnv({}).clientIpHeader).toBeUndefined();
    const onVercel = { VERCEL_URL: "demo.vercel.app", DATABASE_URL: "postgres://u:p@db.example.com/app" };
    expect(parseEnv(onVercel).clientIpHeader).toBe("x-vercel-forwarded-for");
    expect(parseEnv({ CLIENT_IP_HEADER: "X-Real-IP" }).clientIpHeader).toBe("x-real-ip");
    expect(() => parseEnv({ CLIENT_IP_HEADER: "x-real-ip, x-forwarded-for" })).toThrow(
      /CLIENT_IP_HEADER: must be one header name/,
    );
  });
});

describe("addressKey", () => {
  it("counts an IPv6 address as its /64 and an IPv4 one (also IPv4-mapped) as itself", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:0DB8:1:2:ffff:1:2:3"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("203.0.113.7")).not.toBe(addressKey("203.0.113.8"));
  });
});
