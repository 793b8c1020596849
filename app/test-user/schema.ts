// The "Create a test user" form: what a person types, checked before anything is sent to Astra.
import { z } from "zod";

/**
 * Sandbox KYC outcomes and the emulator's `ip_address` for each (packages/astra-emulator/README.md, "Magic values"): Astra's
 * sandbox picks test statuses from the user intent's details, the emulator from its IP address.
 */
export const KYC_OUTCOMES = {
  approved: { label: "Approved", ipAddress: "198.51.100.200" },
  pending: { label: "Pending, then approved", ipAddress: "198.51.100.1" },
  retry: { label: "Retry (re-enter details)", ipAddress: "198.51.100.2" },
  document: { label: "Document (photo ID)", ipAddress: "198.51.100.3" },
  rejected: { label: "Rejected", ipAddress: "198.51.100.4" },
} as const;

/** The SSN sent in emulator mode, where the form asks for an outcome instead (any value is accepted there). */
export const EMULATOR_SSN = "9999";
export type KycOutcome = keyof typeof KYC_OUTCOMES;

const required = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter ${label}.` });

export const testUserFormSchema = z
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
    kyc_outcome: z.enum(Object.keys(KYC_OUTCOMES) as [KycOutcome, ...KycOutcome[]]).optional(),
  })
  .superRefine((form, ctx) => {
    // The emulator's form picks an outcome instead; Astra's sandbox needs the SSN itself.
    if (!form.kyc_outcome && !form.ssn) {
      ctx.addIssue({ code: "custom", path: ["ssn"], message: "Enter the last 4 digits or all 9 digits of the SSN." });
    }
  });
export type TestUserForm = z.infer<typeof testUserFormSchema>;
