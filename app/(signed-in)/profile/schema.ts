import { z } from "zod";

export const emailSchema = z.object({
  email: z.email({ error: "Enter an email address, like name@example.com." }),
});

export const phoneSchema = z.object({
  phone: z
    .string()
    .transform((value) => value.replace(/\D/g, "").replace(/^1(\d{10})$/, "$1"))
    .pipe(z.string().regex(/^\d{10}$/, { error: "Enter a 10-digit US phone number, like 2025550123." })),
});

/** A blank box means "no change": Astra wants unchanged parts left out, never sent empty. */
const part = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), schema.optional());

export const addressSchema = z
  .object({
    address1: part(z.string().max(200)),
    address2: part(z.string().max(200)),
    city: part(z.string().max(100)),
    state: part(
      z
        .string()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, { error: "Use the two-letter code, like CA." }),
    ),
    postal_code: part(z.string().regex(/^\d{5}$/, { error: "Enter the 5-digit ZIP code." })),
  })
  .refine((address) => Object.values(address).some((value) => value !== undefined), {
    error: "Fill in at least the part of your address that changed.",
  });
