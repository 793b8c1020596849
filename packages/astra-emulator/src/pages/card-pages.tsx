/** @jsxImportSource hono/jsx */
// Debit-card linking (/cards/connect): one form for the card's number, expiry, security code and ZIP code.
import { formatPhone } from "../lib/phone";
import { SANDBOX_CARD_NUMBER } from "../lib/cards";
import { FieldError, Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

export type CardField = "card_number" | "expiration_date" | "card_security_code" | "zip_code";

export function CardEntryPage(props: {
  holder: { name: string; phone: string };
  sessionId: string;
  appName: string;
  values?: Partial<Record<CardField, string>>;
  errors?: Partial<Record<CardField, string>>;
}) {
  const href = useHref();
  const errors = props.errors ?? {};
  const field = (name: CardField, label: string, autocomplete: string, inputmode: "numeric" | "text" = "numeric") => (
    <div class="field">
      <label for={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="text"
        inputmode={inputmode}
        autocomplete={autocomplete}
        required
        value={name === "card_security_code" ? "" : (props.values?.[name] ?? "")}
        aria-invalid={errors[name] ? "true" : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      <FieldError id={`${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <Layout title="Link a debit card">
      <h1>Link a debit card</h1>
      <p class="holder">
        Linking a card for <strong>{props.holder.name}</strong>,{" "}
        <span class="nowrap">{formatPhone(props.holder.phone)}</span>
      </p>
      <p>Astra keeps the card number; {props.appName} only sees its first six and last four digits.</p>
      <p class="notice">
        Sandbox: a card number starting with one of Astra&apos;s test BINs, e.g. <strong>{SANDBOX_CARD_NUMBER}</strong>,
        any future expiry and any 3 digits
      </p>
      <form method="post" action={href("/cards/connect/card")} novalidate>
        <SessionField sessionId={props.sessionId} />
        {field("card_number", "Card number", "cc-number")}
        {field("expiration_date", "Expiry (MM/YY)", "cc-exp", "text")}
        {field("card_security_code", "Security code", "cc-csc")}
        {field("zip_code", "Billing ZIP code", "postal-code")}
        <button type="submit">Link card</button>
      </form>
    </Layout>
  );
}
