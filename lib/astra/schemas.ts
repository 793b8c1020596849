// Astra's wire schemas as this app reads them: strict requests, tolerant responses (unknown enum values kept).
import { z } from "zod";

/** Keeps values it does not know: Astra adds statuses and types faster than a client learns them. */
export function openEnum<Known extends z.ZodEnum>(known: Known) {
  return z.union([known, z.string() as z.ZodType<string & {}>]);
}

export const userStatusSchema = z.enum(["approved", "pending", "retry", "document", "suspended", "rejected"]);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const oauthTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
});
export type OAuthTokenResponse = z.infer<typeof oauthTokenResponseSchema>;

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

export const astraErrorBodySchema = z.object({
  code: z.number().int(),
  name: z.string(),
  description: z.union([z.string(), z.record(z.string(), z.array(z.string()))]),
});
export type AstraErrorBody = z.infer<typeof astraErrorBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  status: openEnum(userStatusSchema),
});
export type User = z.infer<typeof userSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  official_name: z.string().nullish(),
  nickname: z.string().nullish(),
  mask: z.string().nullish(),
  institution_name: z.string().nullish(),
  institution_logo: z.string().nullish(),
  type: z.string().nullish(),
  subtype: z.string().nullish(),
  current_balance: z.number().nullish(),
  available_balance: z.number().nullish(),
  last_balance_update_on: z.string().nullish(),
  connection_status: z.string().nullish(),
});
export type Account = z.infer<typeof accountSchema>;

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

/** Astra's paging parameter names are undocumented; these are the emulator's. */
export const PAGE_SIZE = { min: 10, max: 100, default: 25 } as const;
export const paginationFieldsSchema = z.object({
  count: z.number().int().nonnegative().optional(),
  page: z.number().int().positive().optional(),
  page_size: z.number().int().positive().optional(),
  has_more: z.boolean().optional(),
});

export const kycTypeSchema = z.enum(["verified", "unverified", "receive-only"]);

export const userIntentStatusSchema = z.enum([...userStatusSchema.options, "converted_to_user"]);

const US_STATES = /^[A-Z]{2}$/;

export const userIntentCreateSchema = z.object({
  email: z.email({ error: "must be a valid email address" }),
  phone: z.string().regex(/^\+1\d{10}$/, { error: "must be +1 followed by 10 digits, e.g. +12025550123" }),
  first_name: z.string().trim().min(1, { error: "is required" }).max(100),
  last_name: z.string().trim().min(1, { error: "is required" }).max(100),
  preferred_first_name: z.string().max(100).optional(),
  preferred_last_name: z.string().max(100).optional(),
  preferred_pronouns: z.string().max(50).optional(),
  address1: z.string().trim().min(1, { error: "is required" }).max(200),
  // Astra: "" when there is no second line; null is rejected.
  address2: z.string({ error: 'must be a string; send "" when empty, never null' }).max(200).optional(),
  city: z.string().trim().min(1, { error: "is required" }).max(100),
  state: z.string().regex(US_STATES, { error: "must be a two-letter state code, e.g. CA" }),
  postal_code: z.string().regex(/^\d{5}$/, { error: "must be 5 digits" }),
  date_of_birth: z.iso.date({ error: "must be a date as YYYY-MM-DD" }).optional(),
  ssn: z
    .string()
    .regex(/^\d{4}$|^\d{9}$/, { error: "must be 4 or 9 digits, no dashes" })
    .optional(),
  ip_address: z.union([z.ipv4(), z.ipv6()], { error: "must be the end user's IP address" }),
  kyc_type: kycTypeSchema.optional(),
  // https://docs.astra.finance/reference/custom-metadata
  metadata: z
    .record(z.string().regex(/^[a-zA-Z0-9_.-]{1,64}$/), z.string().min(1).max(256))
    .refine((value) => Object.keys(value).length <= 25, { error: "must have at most 25 pairs" })
    .optional(),
});
export type UserIntentCreate = z.infer<typeof userIntentCreateSchema>;

export const userIntentSchema = z.object({
  id: z.string(),
  user_id: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  preferred_first_name: z.string().nullish(),
  preferred_last_name: z.string().nullish(),
  preferred_pronouns: z.string().nullish(),
  status: openEnum(userIntentStatusSchema),
  kyc_type: openEnum(kycTypeSchema).nullish(),
  oauth_token_issued: z.boolean().nullish(),
});
export type UserIntent = z.infer<typeof userIntentSchema>;

export const accountCreateSchema = z.object({
  institution_id: z.string().min(1, { error: "is required" }),
  name: z.string().trim().min(1, { error: "is required" }).max(100),
  bank_account_type: z.enum(["checking", "savings"], { error: 'must be "checking" or "savings"' }),
  account_number: z.string().regex(/^\d{7,17}$/, { error: "must be 7 to 17 digits" }),
  routing_number: z.string().regex(/^\d{9}$/, { error: "must be 9 digits" }),
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;

export const routineTypeSchema = z.enum(["one-time", "recurring"]);
export const routineFrequencySchema = z.enum(["weekly", "bi-weekly", "monthly"]);
export const settlementSpeedSchema = z.enum(["T+0", "T+1", "T+2", "T+4", "real-time"]);
export const paymentTypeSchema = z.enum(["ach", "debit"]);
export const routineStatusSchema = z.enum([
  "requires_user_verification",
  "pending_account_authorization",
  "user_suspended",
  "active",
  "inactive",
  "cancelled",
  "failed",
  "completed",
]);
export type RoutineStatus = z.infer<typeof routineStatusSchema>;
export type RoutineFrequency = z.infer<typeof routineFrequencySchema>;

export const amountSchema = z
  .number({ error: "must be a number of dollars" })
  .positive({ error: "must be more than $0" })
  .max(100_000, { error: "must be at most $100,000" })
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, { error: "must have at most 2 decimals" });

export const routineCreateSchema = z
  .object({
    type: routineTypeSchema,
    name: z.string().trim().min(1, { error: "is required" }).max(100),
    payment_type: paymentTypeSchema,
    source_id: z.string().min(1, { error: "is required" }),
    destination_id: z.string().min(1, { error: "is required" }),
    destination_user_id: z.string().nullable().optional(),
    amount: amountSchema,
    // Typed date-time by Astra, written YYYY-MM-DD in its guides: both are accepted.
    start_date: z
      .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
        error: "must be a date as YYYY-MM-DD or a date-time such as 2026-03-02T09:00:00-08:00",
      })
      .optional(),
    preferred_settlement_speed: settlementSpeedSchema.optional(),
    frequency: routineFrequencySchema.optional(),
    client_correlation_id: z
      .string()
      .regex(/^[A-Za-z0-9]{1,80}$/, { error: "must be 1 to 80 letters or digits" })
      .optional(),
  })
  .superRefine((routine, ctx) => {
    if (routine.type === "recurring" && !routine.frequency) {
      ctx.addIssue({ code: "custom", path: ["frequency"], message: "is required for recurring routines" });
    }
    if (routine.type === "one-time" && routine.frequency) {
      ctx.addIssue({ code: "custom", path: ["frequency"], message: "is only for recurring routines" });
    }
    if (routine.source_id === routine.destination_id) {
      ctx.addIssue({ code: "custom", path: ["destination_id"], message: "must differ from source_id" });
    }
  });
export type RoutineCreate = z.infer<typeof routineCreateSchema>;

/** Fixed at creation: knowledge.astrafi.com/articles/6560802794-recurring-routine-terms */
export const routineUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    status: z.enum(["active", "inactive"], { error: 'must be "active" (resume) or "inactive" (pause)' }).optional(),
  })
  .refine((update) => Object.keys(update).length > 0, { error: "send at least one of name, status" });
export type RoutineUpdate = z.infer<typeof routineUpdateSchema>;

/** `active` is a boolean from the emulator, "True"/"False" from Astra per a public client (`readActiveFlag`). */
export const routineSchema = z.object({
  id: z.string(),
  type: openEnum(routineTypeSchema),
  name: z.string(),
  payment_type: openEnum(paymentTypeSchema).nullish(),
  source_id: z.string(),
  destination_id: z.string(),
  destination_user_id: z.string().nullish(),
  amount: z.number(),
  start_date: z.string().nullish(),
  preferred_settlement_speed: openEnum(settlementSpeedSchema).nullish(),
  frequency: openEnum(routineFrequencySchema).nullish(),
  client_correlation_id: z.string().nullish(),
  active: z.union([z.boolean(), z.string()]).nullish(),
  status: openEnum(routineStatusSchema),
  created: z.string().nullish(),
});
export type Routine = z.infer<typeof routineSchema>;

export const accountListSchema = paginationFieldsSchema.extend({ accounts: z.array(accountSchema) });
export type AccountList = z.infer<typeof accountListSchema>;

export const routineListSchema = paginationFieldsSchema.extend({ routines: z.array(routineSchema) });
export type RoutineList = z.infer<typeof routineListSchema>;

/** Astra spells it both ways (https://docs.astra.finance/reference/post_v1-transfers-id-cancel). */
export const transferStatusSchema = z.enum(["pending", "processed", "failed", "cancelled", "canceled"]);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

export const transferSchema = z.object({
  id: z.string(),
  routine_id: z.string(),
  routine_name: z.string(),
  routine_type: openEnum(routineTypeSchema),
  client_correlation_id: z.string().nullish(),
  source_id: z.string(),
  destination_id: z.string(),
  destination_user_id: z.string().nullish(),
  amount: z.number(),
  payment_type: openEnum(paymentTypeSchema),
  status: openEnum(transferStatusSchema),
  initiated: z.string(),
  updated: z.string(),
  estimated_clearing_date: z.string().nullable(),
  astra_settlement_reason: z.string().nullish(),
  failure_reason: z.string().nullish(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transferListSchema = paginationFieldsSchema.extend({ transfers: z.array(transferSchema) });
export type TransferList = z.infer<typeof transferListSchema>;

export const webhookTypeSchema = z.enum([
  "user_intent_updated",
  "user_updated",
  "routine_updated",
  "transfer_created",
  "transfer_updated",
  "card_updated",
]);
export type WebhookType = z.infer<typeof webhookTypeSchema>;

/** An unknown type still parses, so the receiver acknowledges it and Astra stops retrying. */
export const webhookPayloadSchema = z.object({
  webhook_type: openEnum(webhookTypeSchema),
  resource_id: z.string(),
  user_id: z.string().nullable(),
  webhook_id: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
