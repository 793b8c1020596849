// Conversions between the store's representation and Astra's wire format, shared by every route.

/** Integer cents in the store; dollars (JSON numbers) on the wire, as Astra sends them. */
export const toDollars = (cents: number | null): number | null => (cents === null ? null : cents / 100);
export const toCents = (dollars: number): number => Math.round(dollars * 100);

/** Astra's samples show a UTC timestamp with microseconds and no offset, e.g. 2025-03-02T16:45:11.128430. */
export function toAstraTimestamp(date: Date): string;
export function toAstraTimestamp(date: Date | null): string | null;
export function toAstraTimestamp(date: Date | null): string | null {
  // toISOString always ends in "Z"; slicing it off is cheaper than a regex on every timestamp of every answer.
  return date === null ? null : `${date.toISOString().slice(0, -1)}000`;
}
