// Wire schemas of the Astra API: the single source of its types, shared by the app's client and the emulator.
// They describe Astra's JSON exactly (snake_case, dollars as numbers) and never transform; reshaping for the UI
// happens in the resource modules. See shared/astra-api.md for where each field comes from.
import { z } from "zod";

/** Statuses shared by UserIntents and Users (astra-api.md 3.1). */
export const userStatusSchema = z.enum([
  "approved",
  "pending",
  "retry",
  "document",
  "suspended",
  "rejected",
]);
export type UserStatus = z.infer<typeof userStatusSchema>;

/** `POST /v1/oauth/token` success body. `token_type` is optional because Astra's samples sometimes omit it. */
export const oauthTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
});
export type OAuthTokenResponse = z.infer<typeof oauthTokenResponseSchema>;

/** RFC 6749 error codes the token endpoint answers with. */
export const oauthErrorCodeSchema = z.enum([
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
]);
export type OAuthErrorCode = z.infer<typeof oauthErrorCodeSchema>;

export const oauthErrorResponseSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
export type OAuthErrorResponse = z.infer<typeof oauthErrorResponseSchema>;

/** Astra's `generic_error` body. Validation failures may carry a field map as `description`. */
export const astraErrorBodySchema = z.object({
  code: z.number().int(),
  name: z.string(),
  description: z.union([z.string(), z.record(z.string(), z.array(z.string()))]),
});
export type AstraErrorBody = z.infer<typeof astraErrorBodySchema>;

/** `GET /v1/user`. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  phone: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  status: userStatusSchema,
});
export type User = z.infer<typeof userSchema>;

/** A linked bank account. Balances are flat dollar amounts and may be missing for accounts added by number. */
export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  official_name: z.string().nullable(),
  nickname: z.string().nullable(),
  mask: z.string(),
  institution_name: z.string(),
  institution_logo: z.string().nullable(),
  type: z.string(),
  subtype: z.string(),
  current_balance: z.number().nullable(),
  available_balance: z.number().nullable(),
  last_balance_update_on: z.string().nullable(),
  connection_status: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** `GET /v1/accounts`. */
export const accountListSchema = z.object({
  count: z.number().int().nonnegative(),
  accounts: z.array(accountSchema),
});
export type AccountList = z.infer<typeof accountListSchema>;

/** Form body of `POST /v1/oauth/token`, one shape per grant. */
export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
  }),
  z.object({
    grant_type: z.literal("refresh_token"),
    refresh_token: z.string().min(1),
    redirect_uri: z.string().optional(),
  }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;
