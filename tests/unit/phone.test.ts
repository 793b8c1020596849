import { describe, expect, it } from "vitest";
import { formatPhone } from "@/lib/phone";

describe("formatPhone", () => {
  it("writes a US number in E.164 the way people do", () => {
    expect(formatPhone("+12025550123")).toBe("(202) 555-0123");
  });

  it("leaves anything else as Astra sent it", () => {
    for (const phone of ["", "2025550123", "+442071838750", "+1202555012", "+120255501234"]) {
      expect(formatPhone(phone)).toBe(phone);
    }
  });
});
