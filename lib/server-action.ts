// One shape for every server action: parse FormData with zod, run the handler, and turn failures into a state
// the form can show (errors by field, or Astra's message with its request id). Nothing is echoed back except
// the non-secret values a form needs to keep what the person typed.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AstraError, USER_MESSAGES } from "@/lib/astra/errors";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: FieldErrors; values: Record<string, string> }
  | { status: "failed"; message: string; action: string; requestId: string | null; values: Record<string, string> }
  | { status: "ok"; message: string };

export const IDLE: ActionState = { status: "idle" };

type Options = {
  /** Fields never sent back to the browser (they must be typed again). */
  secretFields?: readonly string[];
  /** Maps Astra's wire field names to the form's, for field errors Astra reports. */
  wireFieldNames?: Record<string, string>;
};

export function defineAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, formData: FormData) => Promise<ActionState>,
  { secretFields = [], wireFieldNames = {} }: Options = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values: Record<string, string> = {};
    for (const [key, value] of formData) {
      if (typeof value === "string" && !key.startsWith("$") && !secretFields.includes(key)) values[key] = value;
    }
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { status: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

    try {
      return await handler(parsed.data, formData);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      if (!(error instanceof AstraError)) throw error;
      if (error.fieldErrors && error.kind === "invalid_request") {
        const fieldErrors: FieldErrors = {};
        for (const [field, messages] of Object.entries(error.fieldErrors)) {
          fieldErrors[wireFieldNames[field] ?? field] = messages;
        }
        return { status: "invalid", fieldErrors, values };
      }
      const words = USER_MESSAGES[error.kind];
      return { status: "failed", message: `${words.title}: ${error.message}`, action: words.action, requestId: error.requestId, values };
    }
  };
}
