// What the emulator reads and sends, strictly: closed enums for every status, type, frequency, speed and error
// code it writes, so its self-check (each route parses its answer) catches a wrong one. The app reads Astra with
// its own tolerant schemas (lib/astra/schemas.ts); tests/contract holds both to every answer.
import { z } from "zod";

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
  error: oauthErrorCodeSchema,
  error_description: z.string().optional(),
});
export type OAuthErrorResponse = z.infer<typeof oauthErrorResponseSchema>;

export const astraErrorBodySchema = z.object({
  code: z.number().int(),
  name: z.string(),
  description: z.union([z.string(), z.record(z.string(), z.array(z.string()))]),
  /** Astra's separate `validation_error` shape adds the status as `status_code`. */
  status_code: z.number().int().optional(),
});
export type AstraErrorBody = z.infer<typeof astraErrorBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  status: userStatusSchema,
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

export const METADATA_LIMITS = { pairs: 25, keyChars: 64, valueChars: 256 } as const;

/** https://docs.astra.finance/reference/custom-metadata */
export const metadataSchema = z
  .record(
    z.string(),
    z
      .string({ error: "values must be strings" })
      .min(1, { error: `values must be 1 to ${METADATA_LIMITS.valueChars} characters` })
      .max(METADATA_LIMITS.valueChars, { error: `values must be 1 to ${METADATA_LIMITS.valueChars} characters` }),
    { error: "must be an object of string keys and string values" },
  )
  .superRefine((value, ctx) => {
    const keys = Object.keys(value);
    if (keys.length > METADATA_LIMITS.pairs)
      ctx.addIssue({ code: "custom", message: `must have at most ${METADATA_LIMITS.pairs} pairs` });
    for (const key of keys.filter((key) => !/^[a-zA-Z0-9_.-]{1,64}$/.test(key))) {
      const message = `keys must be 1 to ${METADATA_LIMITS.keyChars} characters of letters, digits, "_", "." or "-"`;
      ctx.addIssue({ code: "custom", path: [key], message });
    }
  });

export const userIntentCreateSchema = z
  .object({
    email: z.email({ error: "must be a valid email address" }),
    phone: z.string().regex(/^\+1\d{10}$/, { error: "must be +1 followed by 10 digits, e.g. +12025550123" }),
    first_name: z.string().trim().min(1, { error: "is required" }).max(100),
    last_name: z.string().trim().min(1, { error: "is required" }).max(100),
    preferred_first_name: z.string().max(100).optional(),
    preferred_last_name: z.string().max(100).optional(),
    preferred_pronouns: z.string().max(50).optional(),
    address1: z.string().trim().min(1, { error: "is required" }).max(200),
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
    metadata: metadataSchema.optional(),
  })
  // Astra: "receive-only" and "unverified" users may omit both (https://docs.astra.finance/reference/post_v1-user-intent).
  .superRefine((intent, ctx) => {
    if (intent.kyc_type === "receive-only" || intent.kyc_type === "unverified") return;
    for (const field of ["date_of_birth", "ssn"] as const) {
      if (intent[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "is required" });
    }
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
  status: userIntentStatusSchema,
  kyc_type: kycTypeSchema.nullish(),
  oauth_token_issued: z.boolean().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
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
/** Speeds a client uses only once Astra has enabled them for it (Sandbox Settings here). */
export const INSTANT_SPEEDS = ["T+0", "real-time"] as const;
export const paymentTypeSchema = z.enum(["ach", "debit"]);
/** A debit routine's client_correlation_id is shorter than an ACH one's (post_v1-routines). */
export const DEBIT_CORRELATION_ID_MAX = 8;
export const DEBIT_CORRELATION_ID_MESSAGE = `must be at most ${DEBIT_CORRELATION_ID_MAX} characters for debit`;
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
    payment_type: z.enum(["ach", "debit"], {
      error: (issue) => (issue.input === undefined ? "is required" : 'must be "ach" or "debit"'),
    }),
    source_id: z.string().min(1, { error: "is required" }),
    destination_id: z.string().min(1, { error: "is required" }),
    destination_user_id: z.string().nullable().optional(),
    amount: amountSchema,
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
    debit_fee_percent: z
      .number({ error: "must be a number, e.g. 1.5 for 1.5%" })
      .min(0, { error: "must be 0 or more" })
      .max(100, { error: "must be at most 100" })
      .optional(),
  })
  .superRefine((routine, ctx) => {
    if (routine.payment_type === "debit") {
      if (routine.type !== "one-time") {
        ctx.addIssue({ code: "custom", path: ["type"], message: 'must be "one-time" for debit routines' });
      }
      if (routine.client_correlation_id && routine.client_correlation_id.length > DEBIT_CORRELATION_ID_MAX) {
        ctx.addIssue({ code: "custom", path: ["client_correlation_id"], message: DEBIT_CORRELATION_ID_MESSAGE });
      }
    } else if (routine.debit_fee_percent !== undefined) {
      ctx.addIssue({ code: "custom", path: ["debit_fee_percent"], message: 'is only for payment_type "debit"' });
    }
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

/**
 * Any non-required parameter of the routine's type (https://docs.astra.finance/reference/put_v1-routines-id); amount,
 * start_date and frequency are fixed at creation, and status pauses or resumes.
 */
export const routineUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    status: z.enum(["active", "inactive"], { error: 'must be "active" (resume) or "inactive" (pause)' }).optional(),
    preferred_settlement_speed: settlementSpeedSchema.optional(),
    client_correlation_id: z
      .string()
      .regex(/^[A-Za-z0-9]{1,80}$/, { error: "must be 1 to 80 letters or digits" })
      .optional(),
    destination_user_id: z.string().nullable().optional(),
  })
  .refine((update) => Object.keys(update).length > 0, {
    error: "send at least one of name, status, preferred_settlement_speed, client_correlation_id, destination_user_id",
  });
export type RoutineUpdate = z.infer<typeof routineUpdateSchema>;

export const routineSchema = z.object({
  id: z.string(),
  type: routineTypeSchema,
  name: z.string(),
  payment_type: paymentTypeSchema.nullish(),
  source_id: z.string(),
  destination_id: z.string(),
  destination_user_id: z.string().nullish(),
  amount: z.number(),
  start_date: z.string().nullish(),
  preferred_settlement_speed: settlementSpeedSchema.nullish(),
  frequency: routineFrequencySchema.nullish(),
  client_correlation_id: z.string().nullish(),
  debit_fee_percent: z.number().nullish(),
  active: z.boolean(),
  status: routineStatusSchema,
  created: z.string().nullish(),
});
export type Routine = z.infer<typeof routineSchema>;

/** A fee preview (POST /v1/routines/preview). Astra publishes no response fields: these are the emulator's. */
export const routinePreviewSchema = z.object({
  amount: z.number(),
  debit_fee_percent: z.number(),
  debit_fee: z.number(),
  total: z.number(),
  preferred_settlement_speed: settlementSpeedSchema,
});
export type RoutinePreview = z.infer<typeof routinePreviewSchema>;

export const cardStatusSchema = z.enum(["approved", "flagged", "rejected", "removed"]);

export const cardSchema = z.object({
  id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  first_six_digits: z.string(),
  last_four_digits: z.string(),
  expiration_date: z.string(),
  card_company: z.string(),
  card_type: z.string(),
  zip_code: z.string().nullish(),
  pull_enabled: z.boolean(),
  push_enabled: z.boolean(),
  removed: z.boolean(),
  status: cardStatusSchema,
  created: z.string(),
});
export type Card = z.infer<typeof cardSchema>;

export const cardListSchema = paginationFieldsSchema.extend({ cards: z.array(cardSchema) });

export const accountListSchema = paginationFieldsSchema.extend({ accounts: z.array(accountSchema) });
export type AccountList = z.infer<typeof accountListSchema>;

export const routineListSchema = paginationFieldsSchema.extend({ routines: z.array(routineSchema) });
export type RoutineList = z.infer<typeof routineListSchema>;

export const transferStatusSchema = z.enum(["pending", "processed", "failed", "cancelled", "canceled"]);
export type TransferStatus = z.infer<typeof transferStatusSchema>;
/** A filter reads both spellings; the emulator writes `canceled`. */
const sentTransferStatusSchema = transferStatusSchema.exclude(["cancelled"]);

export const transferSchema = z.object({
  id: z.string(),
  routine_id: z.string(),
  routine_name: z.string(),
  routine_type: routineTypeSchema,
  client_correlation_id: z.string().nullish(),
  source_id: z.string(),
  destination_id: z.string(),
  destination_user_id: z.string().nullish(),
  amount: z.number(),
  payment_type: paymentTypeSchema,
  status: sentTransferStatusSchema,
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

export const webhookPayloadSchema = z.object({
  webhook_type: webhookTypeSchema,
  resource_id: z.string(),
  user_id: z.string().nullable(),
  webhook_id: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export const userUpdateSchema = z.object({ email: z.email({ error: "must be a valid email address" }) });

export const capabilitySchema = z.object({ name: z.string(), enabled: z.boolean(), reason: z.string().nullish() });
export const userCapabilitiesSchema = z.object({
  user_id: z.string(),
  kyc_type: kycTypeSchema,
  capabilities: z.array(capabilitySchema),
});
export type UserCapabilities = z.infer<typeof userCapabilitiesSchema>;

export const changeRequestStatusSchema = z.enum(["pending", "approved", "rejected"]);

export const phoneChangeCreateSchema = z.object({
  phone: z.string().regex(/^(\+1)?\d{10}$/, { error: "must be 10 digits, or +1 followed by 10 digits" }),
});
export const phoneChangeRequestSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  phone: z.string(),
  status: changeRequestStatusSchema,
  created: z.string(),
});
export type PhoneChangeRequest = z.infer<typeof phoneChangeRequestSchema>;
export const phoneChangeRequestListSchema = z.object({
  count: z.number().int(),
  phone_number_change_requests: z.array(phoneChangeRequestSchema),
});

const addressPart = (max: number) =>
  z.string().trim().min(1, { error: "omit it instead of sending it empty" }).max(max);
/** Astra: omit what does not change, never "" or null (https://docs.astra.finance/llms.txt). */
export const addressChangeCreateSchema = z
  .object({
    address1: addressPart(200).optional(),
    address2: addressPart(200).optional(),
    city: addressPart(100).optional(),
    state: z.string().regex(US_STATES, { error: "must be a two-letter state code, e.g. CA" }).optional(),
    postal_code: z
      .string()
      .regex(/^\d{5}$/, { error: "must be 5 digits" })
      .optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { error: "send at least one address field" });
export const addressChangeRequestSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  postal_code: z.string().nullish(),
  status: changeRequestStatusSchema,
  created: z.string(),
});

const segmentFields = {
  id: z.string(),
  transfer_id: z.string(),
  payment_type: paymentTypeSchema,
  direction: z.enum(["debit", "credit"]),
  amount: z.number(),
  status: transferStatusSchema,
};
/** A leg names either an account or a debit card, never both. */
export const transferSegmentSchema = z.union([
  z.strictObject({ ...segmentFields, account_id: z.string() }),
  z.strictObject({ ...segmentFields, card_id: z.string() }),
]);
export const transferSegmentListSchema = z.object({
  count: z.number().int(),
  segments: z.array(transferSegmentSchema),
});
