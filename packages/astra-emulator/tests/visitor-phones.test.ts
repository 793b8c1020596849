// Issue 17: "Try the demo" gives each visitor a phone of their own (users are UNIQUE per app and phone). Drawn
// from a small pool, a squatter holding a few hundred addresses could take every number and lock everyone out;
// the pool must be so large that filling it needs millions of addresses.
import { describe, expect, it } from "vitest";
import { formatPhone, isTestPhone, isVisitorPhone, normalizePhone, randomVisitorPhone, toE164 } from "../src/lib/phone";
import { VISITOR_LIFETIME_MS } from "../src/lib/due-work";
import { VISITOR_LIMITS } from "../src/routes/control/control-visitors";

const DRAWS = 500;

describe("visitor phones", () => {
  it("come from a space no squatter can fill: a billion numbers, millions of addresses' worth", () => {
    const phones = Array.from({ length: DRAWS }, () => randomVisitorPhone());
    // How many values each of the ten digits takes over the draws; their product bounds the space drawn from.
    // 500 draws miss one of ten equally likely digits at some position with odds of about 1e-21.
    const valuesPerDigit = Array.from({ length: 10 }, (_, i) => new Set(phones.map((phone) => phone[i])).size);
    const space = valuesPerDigit.reduce((product, values) => product * values, 1);
    expect(space).toBeGreaterThanOrEqual(1e9);
    // One address holds at most perIp new visitors an hour, each living VISITOR_LIFETIME_MS.
    const perAddress = VISITOR_LIMITS.perIp * Math.ceil(VISITOR_LIFETIME_MS / VISITOR_LIMITS.windowMs);
    expect(space / perAddress).toBeGreaterThan(4_000_000);
  });

  it("can never reach a real person or a shared test number, and survive every way of typing them", () => {
    for (let n = 0; n < DRAWS; n += 1) {
      const phone = randomVisitorPhone();
      expect(phone).toMatch(/^\d{10}$/);
      expect(isVisitorPhone(phone)).toBe(true);
      expect(isTestPhone(phone)).toBe(false);
      // No NANP area code begins with 0 or 1.
      expect(phone).toMatch(/^[01]/);
      for (const typed of [phone, formatPhone(phone), toE164(phone), `+1 ${formatPhone(phone)}`, `1-${phone}`]) {
        expect(normalizePhone(typed), typed).toBe(phone);
      }
    }
  });

  it("are told apart from ordinary numbers", () => {
    for (const phone of ["2025550123", "3125550142", "4155550182", "12345678", "12345678901"]) {
      expect(isVisitorPhone(phone), phone).toBe(false);
    }
    expect(isVisitorPhone("1005550100")).toBe(true);
  });
});
