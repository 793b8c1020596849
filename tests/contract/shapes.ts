// The least each answer must carry, per Astra's documentation and the public clients that agree with it, and
// nothing more: extra keys pass (z.looseObject), optional fields may be missing or null, and enum-like values
// are plain strings unless a doc pins them. Deliberately not lib/astra/*schemas.ts: this suite checks that file's
// assumptions, so it must not share them. Sources are named by their path on https://docs.astra.finance
// (reference/errors, …); docs/astra-sources.md lists them with the public clients cited.
import { z } from "zod";
import * as cardSchemas from "../../lib/astra/card-schemas";
import * as app from "../../lib/astra/schemas";
import * as userSchemas from "../../lib/astra/user-schemas";
import * as emulator from "../../packages/astra-emulator/src/wire-schemas";
import { onEmulator } from "./target";

const optionalText = z.string().nullable().optional();

/** reference/post_v1-oauth-token: exactly these four fields; token_type casing unknown. */
export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z
    .string()
    .regex(/^bearer$/i)
    .optional(),
});

/** RFC 6749's error body. */
export const oauthError = z.looseObject({ error: z.string().min(1), error_description: z.string().optional() });

/** reference/errors `generic_error`; validation errors may differ (`validation_error`), so only for others. */
export const genericError = z.looseObject({
  code: z.number().int(),
  name: z.string(),
  description: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

/** reference/user-statuses; anything else must still be a string the app can show. */
export const USER_STATUSES = ["approved", "pending", "retry", "document", "suspended", "rejected"] as const;

/** reference/user (official Python SDK fields). */
export const user = z.looseObject({
  id: z.string().min(1),
  first_name: z.string(),
  last_name: z.string(),
  email: optionalText,
  phone: optionalText,
  status: z.string().min(1),
});

/** Only `id` and a name are in every source. */
export const account = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  mask: optionalText,
  institution_name: optionalText,
  type: optionalText,
  subtype: optionalText,
});

/** reference/pagination: lists are always paged; the envelope key is from public clients; `count` may be absent. */
export function listItems<T>(key: string, item: z.ZodType<T>, value: unknown, what: string): T[] {
  const envelope = expectShape(
    z.looseObject({ count: z.number().int().nonnegative().optional(), [key]: z.array(z.unknown()) }),
    value,
    what,
  );
  return (envelope[key] as unknown[]).map((entry, index) => expectShape(item, entry, `${what}[${index}]`));
}

/** reference/routine-statuses: the eight documented routine statuses. */
export const ROUTINE_STATUSES = [
  "requires_user_verification",
  "pending_account_authorization",
  "user_suspended",
  "active",
  "inactive",
  "cancelled",
  "failed",
  "completed",
] as const;

/** reference/post_v1-routines fields echoed back; `active` is a boolean or "True"/"False" (public JS client). */
export const routine = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  name: z.string(),
  source_id: z.string(),
  destination_id: z.string(),
  amount: z.number(),
  status: z.string(),
  start_date: optionalText,
  frequency: optionalText,
  active: z.union([z.boolean(), z.enum(["True", "False"])]).optional(),
});

/** reference/cards: the public clients read the id and the first six and last four digits. */
export const card = z.looseObject({
  id: z.string().min(1),
  first_six_digits: optionalText,
  last_four_digits: optionalText,
  status: optionalText,
});

/** The public JS client's transfer types and fixtures: the minimum a transfer carries; all else optional. */
export const transfer = z.looseObject({
  id: z.string().min(1),
  routine_id: z.string(),
  routine_name: z.string(),
  routine_type: z.string(),
  source_id: z.string(),
  destination_id: z.string(),
  amount: z.number(),
  payment_type: z.string(),
  status: z.string(),
  initiated: z.string(),
  updated: z.string(),
  estimated_clearing_date: z.string().nullable(),
});

/** reference/post_v1-transfers-id-cancel writes `canceled`, public clients `cancelled`: the same state. */
export const isCancelled = (status: string) => status === "canceled" || status === "cancelled";

/** reference/post_v1-user-intent: create answers `{id}` (200 or 201); get adds the profile and `status`. */
export const userIntentCreated = z.looseObject({ id: z.string().min(1) });
export const userIntent = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  user_id: optionalText,
  email: optionalText,
  first_name: optionalText,
  last_name: optionalText,
});
export const USER_INTENT_STATUSES = [...USER_STATUSES, "converted_to_user"] as const;

/**
 * reference/user-webhooks, routine-webhooks, transfer-webhooks: four strings (user_id may be null for
 * payment-instrument events); the knowledge base's routine-transfer webhook guide: no status.
 */
export const webhookPayload = z.looseObject({
  webhook_type: z.string().min(1),
  webhook_id: z.string().min(1),
  user_id: z.string().nullable(),
  resource_id: z.string().min(1),
});

/** llms.txt get_v1-users-id-capabilities; Astra publishes no fields: an object is the least. */
export const capabilities = z.looseObject({});

/** llms.txt: the phone number change requests, a list (fields unknown). */
export const phoneChangeRequests = z.looseObject({});

/** llms.txt get_v1-transfers-id-segments: "one entry per leg"; fields unknown, so a list of objects. */
export const transferSegments = z.looseObject({ segments: z.array(z.looseObject({})).optional() });

/**
 * Each answer is also held to the app's tolerant read schemas (it must read Astra's answer) and, on the emulator,
 * to the emulator's strict ones (it must send only what it means to).
 */
const referees = new Map<z.ZodType, [z.ZodType, z.ZodType]>([
  [tokenResponse, [app.oauthTokenResponseSchema, emulator.oauthTokenResponseSchema]],
  [oauthError, [app.oauthErrorResponseSchema, emulator.oauthErrorResponseSchema]],
  [genericError, [app.astraErrorBodySchema, emulator.astraErrorBodySchema]],
  [user, [app.userSchema, emulator.userSchema]],
  [account, [app.accountSchema, emulator.accountSchema]],
  [routine, [app.routineSchema, emulator.routineSchema]],
  [transfer, [app.transferSchema, emulator.transferSchema]],
  [card, [cardSchemas.cardSchema, emulator.cardSchema]],
  [userIntent, [app.userIntentSchema, emulator.userIntentSchema]],
  [webhookPayload, [app.webhookPayloadSchema, emulator.webhookPayloadSchema]],
  [capabilities, [userSchemas.userCapabilitiesSchema, emulator.userCapabilitiesSchema]],
  [phoneChangeRequests, [userSchemas.phoneChangeRequestListSchema, emulator.phoneChangeRequestListSchema]],
]);

/** Parses or fails the check with zod's issues and the answer's first bytes. */
export function expectShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const [appSchema, emulatorSchema] = referees.get(schema) ?? [];
  const checks: [z.ZodType, string][] = [[schema, "the documented shape"]];
  if (appSchema) checks.push([appSchema, "the app's read schema (lib/astra/*schemas.ts)"]);
  if (emulatorSchema && onEmulator()) checks.push([emulatorSchema, "the emulator's wire schema"]);
  for (const [check, name] of checks) {
    const result = check.safeParse(value);
    if (!result.success) {
      throw new Error(
        `${what} does not have ${name}:\n${z.prettifyError(result.error)}\n${JSON.stringify(value)?.slice(0, 600)}`,
      );
    }
  }
  return schema.parse(value);
}
