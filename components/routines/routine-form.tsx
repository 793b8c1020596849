"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useFieldErrors } from "@/components/forms/use-field-errors";
import { useIdempotencyKey } from "@/components/forms/use-idempotency-key";
import { useReviewStep } from "@/components/forms/use-review-step";
import { buttonStyles } from "@/components/ui/button-styles";
import { Panel } from "@/components/ui/panel";
import { SelectField } from "@/components/ui/select-field";
import type { RoutineFrequency } from "@/lib/astra/schemas";
import { FREQUENCY_WORDS } from "@/lib/astra/status-words";
import { formatCalendarDate } from "@/lib/dates";
import { formatUsd, parseDollars } from "@/lib/money";
import { upcomingRunDates } from "@/lib/schedule";
import type { ActionState, FormAction } from "@/lib/server-action";
import { describeRoutine } from "./describe-routine";

export type AccountOption = { id: string; label: string };

type Props = {
  accounts: AccountOption[];
  /** Debit cards: a routine to or from one is a one-time `debit` transfer starting today, with a fee. */
  cards: AccountOption[];
  today: string;
  initialIdempotencyKey: string;
  action: FormAction;
  previewAction: FormAction;
};

const FREQUENCIES = Object.entries(FREQUENCY_WORDS).map(([value, label]) => ({ value, label }));

export function RoutineForm({ accounts, cards, today, initialIdempotencyKey, action, previewAction }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [fee, askFee, feePending] = useActionState(previewAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const kept = state.status === "invalid" || state.status === "failed" ? state.values : {};
  const { errors: createErrors, hide: hideError } = useFieldErrors(state);
  // The fee preview checks the whole form, so any edit makes all of its messages stale.
  const [staleFee, setStaleFee] = useState<ActionState>(fee);
  const feeErrors = fee !== staleFee && fee.status === "invalid" ? fee.fieldErrors : {};
  const errors = { ...feeErrors, ...createErrors };
  const { reviewing, triedReview, unconfirmed, review, edit, closeReview, reviewButtonRef, confirmButtonRef } =
    useReviewStep(state);
  const { key: idempotencyKey, renew: renewKey } = useIdempotencyKey(state, initialIdempotencyKey);

  const [form, setForm] = useState({
    type: kept.type ?? "one-time",
    name: kept.name ?? "",
    source_id: kept.source_id ?? accounts[0]?.id ?? "",
    destination_id: kept.destination_id ?? accounts[1]?.id ?? "",
    amount: kept.amount ?? "",
    start_date: kept.start_date ?? today,
    frequency: kept.frequency ?? "weekly",
  });
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => {
    setForm((current) => ({ ...current, [name]: event.target.value }));
    hideError(name);
    setStaleFee(fee);
    closeReview();
    renewKey();
  };

  const isCard = (id: string) => cards.some((card) => card.id === id);
  const debit = isCard(form.source_id) || isCard(form.destination_id);
  const recurring = form.type === "recurring" && !debit;
  const frequency = recurring ? (form.frequency as RoutineFrequency) : null;
  const amount = parseDollars(form.amount);
  // A date input holds "" while it is cleared or half typed; Astra counts days in Pacific time.
  const startDate = debit ? today : form.start_date;
  const dateChosen = /^\d{4}-\d{2}-\d{2}$/.test(startDate) && startDate >= today;
  const dateError = triedReview && !dateChosen ? ["Choose today or a later date (Pacific time)."] : undefined;
  const preview = dateChosen ? upcomingRunDates(startDate, frequency, today, 5) : [];
  const label = (id: string) => [...accounts, ...cards].find((a) => a.id === id)?.label ?? "an account";
  const amountError = form.amount !== "" || triedReview ? (amount.ok ? undefined : [amount.message]) : undefined;
  const summary =
    amount.ok && dateChosen
      ? describeRoutine({
          amount: amount.dollars,
          from: label(form.source_id),
          to: label(form.destination_id),
          frequency,
          startDate,
        })
      : null;

  // onSubmit, not `action`: React would reset these controlled inputs after the answer.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  const openReview = () => {
    review(Boolean(summary));
    if (summary && debit && formRef.current) {
      const formData = new FormData(formRef.current);
      startTransition(() => askFee(formData));
    }
  };
  const feeFailed = debit && (fee.status === "failed" || fee.status === "invalid");

  const options = (disabledId?: string) => (
    <>
      {accounts.map((account) => (
        <option key={account.id} value={account.id} disabled={account.id === disabledId}>
          {account.label}
        </option>
      ))}
      {cards.length > 0 ? (
        <optgroup label="Debit cards">
          {cards.map((card) => (
            <option key={card.id} value={card.id} disabled={card.id === disabledId}>
              {card.label}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-6" noValidate>
      <input type="hidden" name="$idempotency_key" value={idempotencyKey} />
      <input type="hidden" name="payment_type" value={debit ? "debit" : "ach"} />
      <input type="hidden" name="source_kind" value={isCard(form.source_id) ? "card" : "account"} />
      <input type="hidden" name="destination_kind" value={isCard(form.destination_id) ? "card" : "account"} />
      {debit ? <input type="hidden" name="type" value="one-time" /> : null}
      <FormAlert state={state} createdWhat="routine" />

      <fieldset>
        <legend className="text-sm font-medium text-ink-soft">Kind of routine</legend>
        <div className="mt-2 flex gap-3">
          {[
            { value: "one-time", label: "One-time transfer" },
            { value: "recurring", label: "Recurring transfer" },
          ].map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-center gap-2 rounded-control border border-line-strong bg-surface px-3 py-2 text-sm has-checked:border-brand has-checked:ring-1 has-checked:ring-brand"
            >
              <input
                type="radio"
                name="type"
                value={option.value}
                checked={(debit ? "one-time" : form.type) === option.value}
                disabled={debit}
                onChange={set("type")}
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>

      <Field
        name="name"
        label="Name"
        value={form.name}
        onChange={set("name")}
        errors={errors.name}
        placeholder="Rainy-day savings"
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="source_id"
          label="From"
          value={form.source_id}
          onChange={set("source_id")}
          errors={errors.source_id}
        >
          {options()}
        </SelectField>
        <SelectField
          name="destination_id"
          label="To"
          value={form.destination_id}
          onChange={set("destination_id")}
          errors={errors.destination_id}
        >
          {options(form.source_id)}
        </SelectField>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          name="amount"
          label="Amount (USD)"
          inputMode="decimal"
          value={form.amount}
          onChange={set("amount")}
          errors={errors.amount ?? amountError}
          placeholder="25.00"
        />
        <Field
          name="start_date"
          label={recurring ? "First transfer on" : "Transfer on"}
          type="date"
          min={today}
          value={startDate}
          readOnly={debit}
          onChange={set("start_date")}
          errors={errors.start_date ?? dateError}
          hint={debit ? "A transfer with a debit card starts today." : "Pacific time, as Astra counts days."}
        />
        {recurring ? (
          <SelectField
            name="frequency"
            label="Repeats"
            value={form.frequency}
            onChange={set("frequency")}
            errors={errors.frequency}
          >
            {FREQUENCIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>

      <Panel as="section" aria-labelledby="preview-heading" className="p-4">
        <h2 id="preview-heading" className="text-sm font-semibold">
          {recurring ? "Next five transfers" : "Transfer date"}
        </h2>
        {preview.length > 0 ? (
          <ol className="mt-2 grid gap-1 text-sm text-ink-soft" data-testid="schedule-preview">
            {preview.map((date) => (
              <li key={date} className="flex justify-between gap-4">
                <span>{formatCalendarDate(date)}</span>
                <span className="tabular-nums">{amount.ok ? formatUsd(amount.dollars) : "—"}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-sm text-subtle">Choose today or a later date to see the schedule.</p>
        )}
      </Panel>

      {reviewing && summary ? (
        <div
          className="space-y-4 rounded-panel border border-brand-line bg-brand-soft p-4"
          role="region"
          aria-label="Confirm routine"
        >
          <p className="text-sm text-brand-ink" data-testid="routine-summary">
            {summary}
          </p>
          {debit ? (
            <p className="text-sm text-brand-ink" role="status" data-testid="routine-fee">
              {feePending || fee.status === "idle" ? "Asking Astra for the card fee…" : null}
              {!feePending && fee.status === "ok" ? fee.message : null}
            </p>
          ) : null}
          {!feePending && feeFailed ? <FormAlert state={fee} createdWhat="routine" /> : null}
          <div className="flex gap-3">
            <button
              ref={confirmButtonRef}
              type="submit"
              disabled={pending || (debit && (feePending || feeFailed))}
              className={buttonStyles.primary}
            >
              {pending
                ? unconfirmed
                  ? "Checking with Astra…"
                  : "Creating…"
                : unconfirmed
                  ? "Check and create"
                  : "Confirm and create"}
            </button>
            <button type="button" onClick={edit} className={buttonStyles.secondary}>
              Edit
            </button>
          </div>
        </div>
      ) : (
        <button ref={reviewButtonRef} type="button" onClick={openReview} className={buttonStyles.primary}>
          Review
        </button>
      )}
    </form>
  );
}
