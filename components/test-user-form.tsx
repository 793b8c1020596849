"use client";

import { useActionState, useRef } from "react";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useIdempotencyKey } from "@/components/forms/use-idempotency-key";
import { buttonStyles } from "@/components/ui/button-styles";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/server-action";

type Outcome = { value: string; label: string };

type Props = {
  action: FormAction;
  initialIdempotencyKey: string;
  /** Emulator mode: the KYC outcome is chosen from a list instead of typing an SSN. */
  outcomes: Outcome[] | null;
};

const SAMPLE_FIRST_NAMES = ["Jordan", "Riley", "Morgan", "Casey", "Quinn", "Harper"];
const SAMPLE_LAST_NAMES = ["Rivera", "Chen", "Okafor", "Larsen", "Patel", "Moreau"];
const pick = <T,>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

function sampleData(): Record<string, string> {
  const first = pick(SAMPLE_FIRST_NAMES);
  const last = pick(SAMPLE_LAST_NAMES);
  const suffix = Math.random().toString(36).slice(2, 7);
  return {
    first_name: first,
    last_name: last,
    email: `${first}.${last}.${suffix}@example.com`.toLowerCase(),
    // Test numbers 2025550100-2025550199 accept the code 123456; 2025550123 is the seed user.
    phone: `20255501${String(40 + Math.floor(Math.random() * 60))}`,
    address1: "123 Market Street",
    address2: "",
    city: "San Francisco",
    state: "CA",
    postal_code: "94103",
    date_of_birth: "1990-04-12",
    ssn: "9999",
  };
}

export function TestUserForm({ action, initialIdempotencyKey, outcomes }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const { key: idempotencyKey, renew: renewKey } = useIdempotencyKey(state, initialIdempotencyKey);
  const values = state.status === "invalid" || state.status === "failed" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};

  const fillSample = () => {
    const form = formRef.current;
    if (!form) return;
    renewKey();
    for (const [name, value] of Object.entries(sampleData())) {
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = value;
    }
  };

  const field = (name: string, label: string, extra: Partial<React.ComponentProps<typeof Field>> = {}) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ""} errors={errors[name]} {...extra} />
  );

  return (
    <form ref={formRef} action={formAction} onChange={renewKey} className="space-y-6" noValidate>
      <input type="hidden" name="$idempotency_key" value={idempotencyKey} />
      <FormAlert state={state} createdWhat="test user" />

      <button type="button" onClick={fillSample} className={buttonStyles.secondary}>
        Fill with sample data
      </button>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink">Person</legend>
        {field("first_name", "First name", { autoComplete: "given-name" })}
        {field("last_name", "Last name", { autoComplete: "family-name" })}
        {field("email", "Email", { type: "email", autoComplete: "email" })}
        {field("phone", "Mobile phone", { inputMode: "tel", hint: "10 digits. Test numbers: 2025550100–2025550199." })}
        {field("date_of_birth", "Date of birth", { type: "date" })}
        {outcomes ? null : field("ssn", "SSN", { inputMode: "numeric", hint: "Last 4 digits or all 9." })}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-ink">Address</legend>
        {field("address1", "Street address", { className: "sm:col-span-2", autoComplete: "address-line1" })}
        {field("address2", "Apartment, suite (optional)", {
          className: "sm:col-span-2",
          autoComplete: "address-line2",
        })}
        {field("city", "City", { autoComplete: "address-level2" })}
        <div className="grid grid-cols-2 gap-4">
          {field("state", "State", { maxLength: 2, autoComplete: "address-level1" })}
          {field("postal_code", "ZIP code", { inputMode: "numeric", autoComplete: "postal-code" })}
        </div>
      </fieldset>

      {outcomes ? (
        <SelectField
          name="kyc_outcome"
          label="KYC outcome (emulator)"
          defaultValue={values.kyc_outcome ?? "approved"}
          selectClassName="sm:w-72"
        >
          {outcomes.map((outcome) => (
            <option key={outcome.value} value={outcome.value}>
              {outcome.label}
            </option>
          ))}
        </SelectField>
      ) : null}

      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? "Creating…" : "Create test user and sign in"}
      </button>
    </form>
  );
}
