// The least each answer must carry, per Astra's documentation and the public clients that agree with it, and
// nothing more: extra keys pass (z.looseObject), optional fields may be missing or null, and enum-like values
// are plain strings unless a doc pins them. Deliberately not lib/astra/schemas.ts: this suite checks that file's
// assumptions, so it must not share them. Source keys are those of shared/astra-fidelity.md.
import { z } from "zod";
import * as app from "../../lib/astra/schemas";
import * as emulator from "../../packages/astra-emulator/src/wire-schemas";
import { onEmulator } from "./target";

const optionalText = z.string().nullable().optional();

/** TOK, AE json-ld `oauth_success_response`: exactly these four fields; token_type casing unknown. */
export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z
    .string()
    .regex(/^bearer$/i)
    .optional(),
});

/** AE json-ld `oauth_error`. */
export const oauthError = z.looseObject({ error: z.string().min(1), error_description: z.string().optional() });

/** LT embedded OpenAPI `generic_error`; validation errors may differ (`validation_error`), so only for others. */
export const genericError = z.looseObject({
  code: z.number().int(),
  name: z.string(),
  description: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

/** US: the documented user statuses; anything else must still be a string the app can show. */
export const USER_STATUSES = ["approved", "pending", "retry", "document", "suspended", "rejected"] as const;

/** astra-api.md 3.2 (official Python SDK fields). */
export const user = z.looseObject({
  id: z.string().min(1),
  first_name: z.string(),
  last_name: z.string(),
  email: optionalText,
  phone: optionalText,
  status: z.string().min(1),
});

/** astra-api.md 3.3: only `id` and a name are in every source. */
export const account = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  mask: optionalText,
  institution_name: optionalText,
  type: optionalText,
  subtype: optionalText,
});

/** PG: lists are always paged; the envelope key is from public clients ([C]); `count` may be absent. */
export function listItems<T>(key: string, item: z.ZodType<T>, value: unknown, what: string): T[] {
  const envelope = expectShape(
    z.looseObject({ count: z.number().int().nonnegative().optional(), [key]: z.array(z.unknown()) }),
    value,
    what,
  );
  return (envelope[key] as unknown[]).map((entry, index) => expectShape(item, entry, `${what}[${index}]`));
}

/** RS: the eight documented routine statuses. */
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

/** PR body fields echoed back; JS `AstraRoutineResponse`. `active` may be a boolean or "True"/"False" (JS). */
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

/** JS transfers/types.ts and its fixtures: the minimum a transfer carries; all else optional. */
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

/** CX writes `canceled`; the JS SDK and fynbos `cancelled` (C10): both are the same state. */
export const isCancelled = (status: string) => status === "canceled" || status === "cancelled";

/** S9: create answers `{id}` (200 or 201); get adds the profile and `status`. */
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

/** UW/RW/TW tables: four strings (user_id may be null for payment-instrument events); KB1: no status. */
export const webhookPayload = z.looseObject({
  webhook_type: z.string().min(1),
  webhook_id: z.string().min(1),
  user_id: z.string().nullable(),
  resource_id: z.string().min(1),
});

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
  [userIntent, [app.userIntentSchema, emulator.userIntentSchema]],
  [webhookPayload, [app.webhookPayloadSchema, emulator.webhookPayloadSchema]],
]);

/** Parses or fails the check with zod's issues and the answer's first bytes. */
export function expectShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const [appSchema, emulatorSchema] = referees.get(schema) ?? [];
  const checks: [z.ZodType, string][] = [[schema, "the documented shape"]];
  if (appSchema) checks.push([appSchema, "the app's read schema (lib/astra/schemas.ts)"]);
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
