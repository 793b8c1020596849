// US phone numbers as the OAuth module takes them (10 digits, no country code:
// https://docs.astra.finance/reference/oauth-links-and-parameters), and the
// verification code a sign-in needs.
import { createHmac, randomInt } from "node:crypto";

/**
 * The emulator's test numbers and their fixed code, used while an app has Astra's "Enable Phone Numbers For
 * Testing" on (https://docs.astra.finance/docs/onboarding-personal-users). Astra does not publish its own test
 * numbers and code: these are stand-ins.
 */
export const TEST_PHONE_PATTERN = /^20255501\d\d$/;
export const TEST_PHONE_RANGE = "2025550100–2025550199";
export const SANDBOX_VERIFICATION_CODE = "123456";

/** Accepts "(202) 555-0123", "202-555-0123", "+1 202 555 0123"; returns 10 digits or null. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/\D/g, "");
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return /^\d{10}$/.test(national) ? national : null;
}

export const isTestPhone = (phone: string): boolean => TEST_PHONE_PATTERN.test(phone);

/** "2025550123" -> "(202) 555-0123". */
export const formatPhone = (phone: string): string => `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`;

/** "2025550123" -> "+12025550123", the E.164 form Astra's API returns. */
export const toE164 = (phone: string): string => `+1${phone}`;

/**
 * The code this sign-in must enter. A test number of an app with test numbers enabled takes the fixed code;
 * any other number gets a one-time code, derived from the module session so nothing more is stored, which the
 * module shows on its page in place of the text message the emulator cannot send.
 */
export function verificationCodeFor(
  sessionId: string,
  phone: string,
  testPhonesEnabled: boolean,
): { code: string; fixed: boolean } {
  if (testPhonesEnabled && isTestPhone(phone)) return { code: SANDBOX_VERIFICATION_CODE, fixed: true };
  const number = createHmac("sha256", sessionId).update(phone).digest().readUInt32BE(0) % 1_000_000;
  const code = String(number).padStart(6, "0");
  // Never the fixed code, so "123456 works" always means the test-number setting is on.
  return { code: code === SANDBOX_VERIFICATION_CODE ? "654321" : code, fixed: false };
}

/**
 * The hosted demo's visitor phones (POST /sandbox/visitors): 10 digits whose area code begins with 1, which the North
 * American Numbering Plan never assigns, so no visitor phone can reach a real person or equal a shared test number.
 * Each belongs to one visitor (users are unique per app and phone), and the space is a billion numbers: at ten
 * visitors an hour living a day, an address holds 240 at a time, so taking them all (and locking "Try the demo" for
 * everyone) would need over four million addresses. In the public demo the phone is only a label; in a private
 * hosted demo a visitor's phone signs in with the fixed code like a test phone (module-flow.tsx, signInCode).
 * normalizePhone keeps them: "+1 (1xx) …" is 11 digits starting with 1, whose country code it strips.
 */
export const VISITOR_PHONE_PATTERN = /^1\d{9}$/;
export const isVisitorPhone = (phone: string): boolean => VISITOR_PHONE_PATTERN.test(phone);

/** A random visitor phone, uniform over all of VISITOR_PHONE_PATTERN; the caller retries when it is taken. */
export function randomVisitorPhone(): string {
  return `1${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
}
