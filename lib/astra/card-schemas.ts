// Debit cards and the fee preview of a routine to or from one, as this app reads them: tolerant, like schemas.ts.
import { z } from "zod";
import { openEnum, paginationFieldsSchema } from "./schemas";

export const cardStatusSchema = z.enum(["approved", "flagged", "rejected", "removed"]);

export const cardSchema = z.object({
  id: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  first_six_digits: z.string().nullish(),
  last_four_digits: z.string().nullish(),
  expiration_date: z.string().nullish(),
  card_company: z.string().nullish(),
  card_type: z.string().nullish(),
  removed: z.boolean().nullish(),
  status: openEnum(cardStatusSchema).nullish(),
});
export type Card = z.infer<typeof cardSchema>;

export const cardListSchema = paginationFieldsSchema.extend({ cards: z.array(cardSchema) });

export const routinePreviewSchema = z.object({
  amount: z.number().nullish(),
  debit_fee_percent: z.number().nullish(),
  debit_fee: z.number().nullish(),
  total: z.number().nullish(),
});
