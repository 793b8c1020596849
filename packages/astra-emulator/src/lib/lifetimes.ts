// Lifetimes from https://docs.astra.finance/docs/managing-authorization-lifecycle: access 2 h, refresh 10 days,
// code "several minutes" (5 here).
export const ACCESS_TOKEN_TTL_SECONDS = 2 * 60 * 60;
export const REFRESH_TOKEN_TTL_MS = 10 * 24 * 60 * 60 * 1000;
export const AUTHORIZATION_CODE_TTL_MS = 5 * 60 * 1000;
export const MODULE_SESSION_TTL_MS = 30 * 60 * 1000;
/** A demo visitor's sign-in token: "Try the demo" sends the browser to the module with it at once. */
export const VISITOR_TOKEN_TTL_MS = 10 * 60 * 1000;
