// SWR keys of the app's /api/astra routes, in one place so every mutation's refresh is easy to find.
export const CACHE_KEYS = {
  transfers: "/api/astra/transfers",
} as const;

/** The key of one page of transfers; page 1 keeps the plain key. */
export function transfersPageKey(page: number): string {
  return page > 1 ? `${CACHE_KEYS.transfers}?page=${page}` : CACHE_KEYS.transfers;
}

/** Matches every page of transfers, so one change refreshes whichever page is open. */
export function isTransfersKey(key: unknown): boolean {
  return typeof key === "string" && (key === CACHE_KEYS.transfers || key.startsWith(`${CACHE_KEYS.transfers}?`));
}
