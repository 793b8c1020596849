// Astra's sandbox card BINs (https://docs.astra.finance/reference/cards: "only these BINs return data") and the
// checks a card number passes on /cards/connect.
export const SANDBOX_BINS = [
  "400000",
  "400022",
  "440393",
  "460369",
  "475833",
  "498503",
  "510805",
  "520082",
  "559430",
] as const;

/** Passes the Luhn check with the first sandbox BIN. */
export const SANDBOX_CARD_NUMBER = "4000000000000002";

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The card network a BIN belongs to: 4 is Visa, 5 Mastercard (all the sandbox BINs are one or the other). */
export const cardCompanyOf = (bin: string): string => (bin.startsWith("4") ? "Visa" : "Mastercard");
