// The operations Astra's reference lists (https://docs.astra.finance/llms.txt) that the emulator has no route for, so
// an unknown path can say whether it is an Astra operation not emulated, or no Astra operation at all.
const OPERATIONS = [
  "POST /v1/partner/identity/verification",
  "POST /v1/partner/identity/token",
  "POST /v1/upgrade_kyc_type",
  "POST /v1/business_profile",
  "GET /v1/business_profile/:id",
  "POST /v1/documents/create_upload_url",
  "POST /v1/accounts/processor_token",
  "GET /v1/bins/:bin",
  "POST /v1/cards",
  "GET /v1/cards/:id/auth_details",
  "POST /v1/routines/account-to-card",
  "POST /v1/routines/card-to-account",
  "POST /v1/routines/book",
  "GET /v1/batch_transfers/:id",
  "GET /v1/payment_instruments",
  "GET /v1/payment_instruments/:id",
  "GET /v1/instant_payment_eligibility",
].map((operation) => {
  const [method, path] = operation.split(" ") as [string, string];
  return { method, pattern: new RegExp(`^${path.replace(/:[^/]+/g, "[^/]+")}/?$`) };
});

/** True for an Astra operation the emulator has no route for. */
export const isUnemulatedOperation = (method: string, path: string) =>
  OPERATIONS.some((operation) => operation.method === method && operation.pattern.test(path));
