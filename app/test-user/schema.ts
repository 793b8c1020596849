import { z } from "zod";

const required = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter ${label}.` });

export const testUserFormSchema = (outcomes: readonly string[] = []) =>
  z
    .object({
      first_name: required("a first name").max(100),
      last_name: required("a last name").max(100),
      email: z
        .string()
        .trim()
        .pipe(z.email({ error: "Enter an email address like name@example.com." })),
      phone: z
        .string()
        .transform((value) => value.replace(/[\s().+-]/g, "").replace(/^1(?=\d{10}$)/, ""))
        .pipe(z.string().regex(/^\d{10}$/, { error: "Enter a 10-digit US phone number, like 2025550142." })),
      address1: required("a street address").max(200),
      address2: z.string().trim().max(200).default(""),
      city: required("a city").max(100),
      state: z
        .string()
        .trim()
        .toUpperCase()
        .pipe(z.string().regex(/^[A-Z]{2}$/, { error: "Enter a two-letter state code, like CA." })),
      postal_code: z
        .string()
        .trim()
        .regex(/^\d{5}$/, { error: "Enter a 5-digit ZIP code." }),
      date_of_birth: z.iso
        .date({ error: "Enter a date of birth." })
        .refine((value) => value < new Date().toISOString().slice(0, 10), {
          error: "The date of birth must be in the past.",
        }),
      ssn: z
        .string()
        .transform((value) => value.replace(/[\s-]/g, ""))
        .pipe(z.string().regex(/^(\d{4}|\d{9})$/, { error: "Enter the last 4 digits or all 9 digits of the SSN." }))
        .optional()
        .or(z.literal("").transform(() => undefined)),
      kyc_outcome: (outcomes.length > 0 ? z.enum(outcomes as [string, ...string[]]) : z.never()).optional(),
    })
    .superRefine((form, ctx) => {
      if (!form.kyc_outcome && !form.ssn) {
        ctx.addIssue({ code: "custom", path: ["ssn"], message: "Enter the last 4 digits or all 9 digits of the SSN." });
      }
    });
export type TestUserForm = z.infer<ReturnType<typeof testUserFormSchema>>;
