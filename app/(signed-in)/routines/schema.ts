// The routine forms' input, checked on the server before anything is sent to Astra.
import { z } from "zod";
import { paymentTypeSchema, routineFrequencySchema, routineTypeSchema } from "@/lib/astra/schemas";
import { parseDollars } from "@/lib/money";

const sideKind = z.enum(["account", "card"]).default("account");

/** `today` is the app's today (lib/astra/today.ts), read before validation so the schema stays sync. */
export const routineFormSchema = (today: string) =>
  z
    .object({
      type: routineTypeSchema.default("one-time"),
      payment_type: paymentTypeSchema.default("ach"),
      name: z
        .string()
        .trim()
        .min(1, { error: "Give the routine a name." })
        .max(100, { error: "Use at most 100 characters." }),
      source_id: z.string().min(1, { error: "Choose the account to move money from." }),
      destination_id: z.string().min(1, { error: "Choose the account to move money to." }),
      // Which side the form offered as a debit card; Astra checks the ids themselves.
      source_kind: sideKind,
      destination_kind: sideKind,
      amount: z.string().transform((value, ctx) => {
        const parsed = parseDollars(value);
        if (parsed.ok) return parsed.dollars;
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }),
      start_date: z.iso.date({ error: "Choose a start date." }),
      frequency: z.union([routineFrequencySchema, z.literal("")]).optional(),
    })
    .superRefine((form, ctx) => {
      if (form.source_id && form.source_id === form.destination_id) {
        ctx.addIssue({
          code: "custom",
          path: ["destination_id"],
          message: "Choose a different account from the one the money comes from.",
        });
      }
      // Astra reads start_date as a calendar day in Los Angeles, whatever the browser's zone.
      if (form.start_date < today) {
        ctx.addIssue({ code: "custom", path: ["start_date"], message: "Choose today or a later date (Pacific time)." });
      }
      const cards = [form.source_kind, form.destination_kind].filter((kind) => kind === "card").length;
      if (cards === 2) {
        ctx.addIssue({
          code: "custom",
          path: ["destination_id"],
          message: "Choose a bank account: a debit card pays into or from an account, not another card.",
        });
      } else if ((form.payment_type === "debit") !== (cards === 1)) {
        ctx.addIssue({
          code: "custom",
          path: ["destination_id"],
          message: "A card transfer needs a debit card on exactly one side.",
        });
      }
      // Astra: card routines are one-time and start today (reference/post_v1-routines).
      if (form.payment_type === "debit" && form.type !== "one-time") {
        ctx.addIssue({
          code: "custom",
          path: ["type"],
          message: "A routine with a debit card is a one-time transfer.",
        });
      }
      if (form.payment_type === "debit" && form.start_date > today) {
        ctx.addIssue({ code: "custom", path: ["start_date"], message: "A transfer with a debit card starts today." });
      }
      if (form.type === "recurring" && !form.frequency) {
        ctx.addIssue({ code: "custom", path: ["frequency"], message: "Choose how often it repeats." });
      }
    });

export const routineIdSchema = z.object({ routine_id: z.string().min(1).max(200) });
