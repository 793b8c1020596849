// Money formatting for people: Astra's dollars are shown, never re-computed, here.
let usd: Intl.NumberFormat | undefined;

export function formatUsd(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return "—";
  // Normalise -0 so a zero balance never shows as "-$0.00".
  usd ??= new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  return usd.format(amount === 0 ? 0 : amount);
}

export const MAX_TRANSFER_DOLLARS = 100_000;

export type ParsedAmount = { ok: true; cents: number; dollars: number } | { ok: false; message: string };

/** Parses digits rather than calling parseFloat: "19.99" is 1999 cents exactly. */
export function parseDollars(input: string): ParsedAmount {
  const text = input
    .trim()
    .replace(/^\$/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (text === "") return { ok: false, message: "Enter an amount." };
  if (text.startsWith("-")) return { ok: false, message: "Enter an amount more than $0." };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter the amount as a number, like 25.00." };
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > 2) return { ok: false, message: "Use at most 2 decimal places, like 25.50." };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (cents === 0) return { ok: false, message: "Enter an amount more than $0." };
  if (cents > MAX_TRANSFER_DOLLARS * 100) {
    return { ok: false, message: `Astra moves at most ${formatUsd(MAX_TRANSFER_DOLLARS)} per transfer.` };
  }
  return { ok: true, cents, dollars: cents / 100 };
}
