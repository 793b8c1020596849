// US phone numbers as the OAuth module takes them: 10 digits, no country code (astra-api.md 2.3).

/** The sandbox only "sends" codes to these numbers, and they all accept SANDBOX_VERIFICATION_CODE. */
export const TEST_PHONE_PATTERN = /^20255501\d\d$/;
export const SANDBOX_VERIFICATION_CODE = "123456";

/** Accepts "(202) 555-0123", "202-555-0123", "+1 202 555 0123"; returns 10 digits or null. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/\D/g, "");
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return /^\d{10}$/.test(national) ? national : null;
}

export const isTestPhone = (phone: string): boolean => TEST_PHONE_PATTERN.test(phone);

/** "2025550123" -> "(202) 555-0123". */
export const formatPhone = (phone: string): string =>
  `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`;

/** "2025550123" -> "+12025550123", the E.164 form Astra's API returns. */
export const toE164 = (phone: string): string => `+1${phone}`;
