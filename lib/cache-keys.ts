// SWR keys of the app's /api/astra routes, in one place so every mutation's refresh is easy to find.
export const CACHE_KEYS = {
  transfers: "/api/astra/transfers",
} as const;

export function transfersPageKey(page: number): string {
  return page > 1 ? `${CACHE_KEYS.transfers}?page=${page}` : CACHE_KEYS.transfers;
}

export function isTransfersKey(key: unknown): boolean {
  return typeof key === "string" && (key === CACHE_KEYS.transfers || key.startsWith(`${CACHE_KEYS.transfers}?`));
}
