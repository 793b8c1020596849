// One shape for every server action: parse FormData with zod, run the handler, and turn failures into a state
// the form can show (errors by field, or Astra's message with its request id). Nothing is echoed back except
// the non-secret values a form needs to keep what the person typed.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AstraError, browserDetail, logAstraError, USER_MESSAGES, type AstraErrorKind } from "@/lib/astra/errors";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: FieldErrors; formErrors: string[]; values: Record<string, string> }
  | {
      status: "failed";
      kind: AstraErrorKind;
      message: string;
      action: string;
      requestId: string | null;
      values: Record<string, string>;
    }
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
  // Astra's errors on fields the form has go by those fields; any other goes in the banner above the form.
  const formFields = new Set(schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values: Record<string, string> = {};
    for (const [key, value] of formData) {
      if (typeof value === "string" && !key.startsWith("$") && !secretFields.includes(key)) values[key] = value;
    }
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return { status: "invalid", fieldErrors, formErrors, values };
    }

    try {
      return await handler(parsed.data, formData);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      if (!(error instanceof AstraError)) throw error;
      if (error.fieldErrors && error.kind === "invalid_request") {
        const fieldErrors: FieldErrors = {};
        const formErrors: string[] = [];
        for (const [wireField, messages] of Object.entries(error.fieldErrors)) {
          const field = wireFieldNames[wireField] ?? wireField;
          if (formFields.has(field)) fieldErrors[field] = messages;
          else formErrors.push(`Astra: ${wireField} ${messages.join(" ")}${error.requestId ? ` (request id ${error.requestId})` : ""}`);
        }
        return { status: "invalid", fieldErrors, formErrors, values };
      }
      logAstraError(error, "server action");
      const words = USER_MESSAGES[error.kind];
      const detail = browserDetail(error);
      return {
        status: "failed",
        kind: error.kind,
        message: detail ? `${words.title}: ${detail}` : words.title,
        action: words.action,
        requestId: error.requestId,
        values,
      };
    }
  };
}
