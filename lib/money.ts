// Money formatting for people. Astra sends dollars as JSON numbers; they are shown, never re-computed, here.
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$2,450.75"; negative amounts as "-$12.00"; null (a balance Astra did not report) as an em dash. */
export function formatUsd(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return "—";
  // Normalise -0 so a zero balance never shows as "-$0.00".
  return usd.format(amount === 0 ? 0 : amount);
}
