// The user's profile operations as this app reads them: tolerant, because Astra publishes none of these shapes.
import { z } from "zod";
import { kycTypeSchema, openEnum } from "./schemas";

export const capabilitySchema = z.object({
  name: z.string(),
  enabled: z.boolean(),
  reason: z.string().nullish(),
});
export const userCapabilitiesSchema = z.object({
  user_id: z.string().nullish(),
  kyc_type: openEnum(kycTypeSchema).nullish(),
  capabilities: z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((items) => items.flatMap((item) => capabilitySchema.safeParse(item).data ?? [])),
});
export type UserCapabilities = z.infer<typeof userCapabilitiesSchema>;

export const changeRequestStatusSchema = z.enum(["pending", "approved", "rejected"]);

export const phoneChangeRequestSchema = z.object({
  id: z.string(),
  phone: z.string().nullish(),
  status: openEnum(changeRequestStatusSchema).nullish(),
  created: z.string().nullish(),
});
export type PhoneChangeRequest = z.infer<typeof phoneChangeRequestSchema>;
export const phoneChangeRequestListSchema = z.object({
  phone_number_change_requests: z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((items) => items.flatMap((item) => phoneChangeRequestSchema.safeParse(item).data ?? [])),
});

export const addressChangeRequestSchema = z.object({
  id: z.string().nullish(),
  status: openEnum(changeRequestStatusSchema).nullish(),
});

/** A 2xx answer to a change request is a success whatever its body: what it says is read if it can be, else null. */
export function changeRequestAnswer<T extends z.ZodType>(schema: T) {
  return z.unknown().transform((answer): z.output<T> | null => schema.safeParse(answer).data ?? null);
}
