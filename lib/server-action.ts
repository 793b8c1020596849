// One shape for every server action: parse FormData with zod, run the handler, and turn failures into a state
// the form can show (errors by field, or Astra's message with its request id). Nothing is echoed back except
// the non-secret values a form needs to keep what the person typed.
//
// To add a form, copy components/routines/routine-form.tsx with app/(signed-in)/routines/actions.ts: controlled
// inputs submitted through onSubmit + startTransition (React does not reset them after the answer), and for a
// create, `useIdempotencyKey`'s hidden `$idempotency_key` with `{ idempotent: true }` here.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import {
  AstraError,
  browserDetail,
  logAstraError,
  mayHaveHappened,
  USER_MESSAGES,
  type AstraErrorKind,
} from "@/lib/astra/errors";

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
      /** Astra may have done it anyway (timeout, 5xx, 409): a retry must send the same Idempotency-Key. */
      unconfirmed: boolean;
      values: Record<string, string>;
    }
  | { status: "ok"; message: string };

/** What a form's `useActionState` is given: the action `defineAction` returns. */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The hidden field that carries a create's Idempotency-Key, made when the form rendered. */
export const IDEMPOTENCY_KEY_FIELD = "$idempotency_key";

type Options<Idempotent extends boolean> = {
  /** Fields never sent back to the browser (they must be typed again). */
  secretFields?: readonly string[];
  /** The action creates something: it refuses to run without an Idempotency-Key, and hands it to the handler. */
  idempotent?: Idempotent;
};

type Context<Idempotent extends boolean> = { idempotencyKey: Idempotent extends true ? string : undefined };

// Astra's rule for the header: 1 to 255 printable ASCII characters, not only spaces.
const idempotencyKeySchema = z
  .string()
  .regex(/^[\x20-\x7e]{1,255}$/)
  .refine((key) => key.trim() !== "");

const MISSING_KEY =
  "This form was sent without its one-time request key, so it could not be sent safely. Reload the page and try again.";

export function defineAction<S extends z.ZodType, Idempotent extends boolean = false>(
  schema: S,
  handler: (input: z.output<S>, context: Context<Idempotent>) => Promise<ActionState>,
  { secretFields = [], idempotent }: Options<Idempotent> = {},
): FormAction {
  // Astra's errors on fields the form has go by those fields; any other goes in the banner above the form.
  const formFields = new Set(schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

  return async (_previous, formData) => {
    const values: Record<string, string> = {};
    for (const [key, value] of formData) {
      if (typeof value === "string" && !key.startsWith("$") && !secretFields.includes(key)) values[key] = value;
    }
    const parsed = schema.safeParse(Object.fromEntries(formData));
    const key = idempotencyKeySchema.safeParse(formData.get(IDEMPOTENCY_KEY_FIELD));
    if (idempotent && !key.success) {
      const fieldErrors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
      return { status: "invalid", fieldErrors, formErrors: [MISSING_KEY], values };
    }
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return { status: "invalid", fieldErrors, formErrors, values };
    }

    try {
      const idempotencyKey = (idempotent ? key.data : undefined) as Context<Idempotent>["idempotencyKey"];
      return await handler(parsed.data, { idempotencyKey });
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not failures
      if (!(error instanceof AstraError)) throw error;
      if (error.fieldErrors && error.kind === "invalid_request") {
        const fieldErrors: FieldErrors = {};
        const formErrors: string[] = [];
        // The forms name their fields as Astra does, so Astra's field errors land beside the right input.
        for (const [field, messages] of Object.entries(error.fieldErrors)) {
          if (formFields.has(field)) fieldErrors[field] = messages;
          else
            formErrors.push(
              `Astra: ${field} ${messages.join(" ")}${error.requestId ? ` (request id ${error.requestId})` : ""}`,
            );
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
        unconfirmed: mayHaveHappened(error),
        values,
      };
    }
  };
}
