// SWR keys of the app's /api/astra routes, in one place so every mutation's refresh is easy to find.
export const CACHE_KEYS = {
  transfers: "/api/astra/transfers",
} as const;
