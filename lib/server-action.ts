// One shape for every server action: zod-parse FormData, run the handler, turn failures into a form state.
// docs/forms.md says which form to copy.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import {
  AstraError,
  browserDetail,
  logAstraError,
  mayHaveHappened,
  userMessage,
  type AstraErrorKind,
} from "@/lib/astra/errors";
import { callAstra, requireSignedIn } from "@/lib/auth/astra-session";
import { getEnv } from "@/lib/env";

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

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export const IDEMPOTENCY_KEY_FIELD = "$idempotency_key";

type Options<Idempotent extends boolean> = {
  secretFields?: readonly string[];
  idempotent?: Idempotent;
};

type Context<Idempotent extends boolean> = { idempotencyKey: Idempotent extends true ? string : undefined };

// Astra's rule: 1 to 255 printable ASCII characters, not only spaces.
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
      const words = userMessage(error, getEnv());
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

export type SignedInContext<Idempotent extends boolean> = Context<Idempotent> & { callAstra: typeof callAstra };

/** `defineAction` for a signed-in person's writes: without a session the handler never runs ("unauthorized"). */
export function defineSignedInAction<S extends z.ZodType, Idempotent extends boolean = false>(
  schema: S,
  handler: (input: z.output<S>, context: SignedInContext<Idempotent>) => Promise<ActionState>,
  options?: Options<Idempotent>,
): FormAction {
  return defineAction(
    schema,
    async (input, context: Context<Idempotent>) => {
      await requireSignedIn();
      return handler(input, { ...context, callAstra });
    },
    options,
  );
}
