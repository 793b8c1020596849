"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormAlert, type FailureOutcome } from "@/components/forms/form-alert";
import { useIdempotencyKey } from "@/components/forms/use-idempotency-key";
import { buttonStyles } from "@/components/ui/button-styles";
import type { FormAction } from "@/lib/server-action";

type FieldSpec = { name: string; label: string; hint?: string; type?: string; autoComplete?: string };

/** One profile change as a small form; a create-like request sends an Idempotency-Key. */
export function ProfileForm({
  action,
  fields,
  submitLabel,
  what,
  initialIdempotencyKey,
  outcome,
}: {
  action: FormAction;
  fields: FieldSpec[];
  submitLabel: string;
  what: string;
  initialIdempotencyKey?: string;
  /** For a change that creates nothing (the email), what a failure means instead of "No … was created". */
  outcome?: FailureOutcome;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const { key, renew } = useIdempotencyKey(state, initialIdempotencyKey ?? "");
  const values = state.status === "invalid" || state.status === "failed" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <form action={formAction} onChange={renew} className="space-y-4" noValidate>
      {initialIdempotencyKey ? <input type="hidden" name="$idempotency_key" value={key} /> : null}
      <FormAlert state={state} createdWhat={what} outcome={outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => (
          <Field key={field.name} {...field} defaultValue={values[field.name] ?? ""} errors={errors[field.name]} />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? "Sending…" : submitLabel}
        </button>
        {state.status === "ok" ? (
          <p role="status" className="text-sm text-success">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
