import { describe, expect, it } from "vitest";
import { z } from "zod";
import { testUserFormSchema as testUserFormSchemaFor } from "@/app/test-user/schema";

// The form as emulator mode builds it (lib/plugins.ts testUserOutcomes).
const testUserFormSchema = testUserFormSchemaFor(["approved", "pending", "retry", "document", "rejected"]);

const valid = {
  first_name: "Jordan",
  last_name: "Rivera",
  email: "jordan@example.com",
  phone: "(202) 555-0142",
  address1: "123 Market Street",
  address2: "",
  city: "San Francisco",
  state: "ca",
  postal_code: "94103",
  date_of_birth: "1990-04-12",
  ssn: "",
  kyc_outcome: "retry",
};

const errorsOf = (input: Record<string, string>) => {
  const parsed = testUserFormSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("testUserFormSchema", () => {
  it("needs the SSN when no sandbox outcome was chosen", () => {
    expect(errorsOf({ ...valid, kyc_outcome: undefined as unknown as string }).ssn).toEqual([
      "Enter the last 4 digits or all 9 digits of the SSN.",
    ]);
  });

  it("against Astra's sandbox (no outcomes offered) takes no outcome: the SSN is needed", () => {
    const parsed = testUserFormSchemaFor().safeParse(valid);
    expect(parsed.success).toBe(false);
    expect(testUserFormSchemaFor().safeParse({ ...valid, kyc_outcome: undefined, ssn: "1234" }).success).toBe(true);
  });

  it("normalises what people type", () => {
    const form = testUserFormSchema.parse({ ...valid, phone: "+1 202-555-0142", ssn: "123-45-6789" });
    expect(form).toMatchObject({ phone: "2025550142", state: "CA", ssn: "123456789", kyc_outcome: "retry" });
    expect(testUserFormSchema.parse(valid).ssn).toBeUndefined();
  });

  it.each([
    ["phone", "555-0142", "Enter a 10-digit US phone number, like 2025550142."],
    ["email", "jordan@", "Enter an email address like name@example.com."],
    ["state", "Calif", "Enter a two-letter state code, like CA."],
    ["postal_code", "9410", "Enter a 5-digit ZIP code."],
    ["date_of_birth", "2999-01-01", "The date of birth must be in the past."],
    ["date_of_birth", "12/04/1990", "Enter a date of birth."],
    ["first_name", "   ", "Enter a first name."],
    ["ssn", "12345", "Enter the last 4 digits or all 9 digits of the SSN."],
    ["kyc_outcome", "", 'Invalid option: expected one of "approved"|"pending"|"retry"|"document"|"rejected"'],
  ])("explains a bad %s (%j)", (field, value, message) => {
    expect(errorsOf({ ...valid, [field]: value })[field as keyof ReturnType<typeof errorsOf>]).toEqual([message]);
  });
});
