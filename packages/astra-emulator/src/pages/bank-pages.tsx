/** @jsxImportSource hono/jsx */
// Bank linking (/institutions/connect): pick a sandbox bank, sign in to it, choose the accounts to link.
import type { Institution } from "../lib/institutions";
import { BANK_PASSWORD, BANK_USERNAME } from "../lib/institutions";
import { formatPhone } from "../lib/phone";
import { FieldError, Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

/** Whose Astra account the bank accounts are linked to, shown on every bank-linking page. */
export interface AccountHolder {
  name: string;
  phone: string;
}

const Holder = (props: { holder: AccountHolder }) => (
  <p class="holder">
    Linking accounts for <strong>{props.holder.name}</strong>,{" "}
    <span class="nowrap">{formatPhone(props.holder.phone)}</span>
  </p>
);

const dollars = (cents: number | null) =>
  cents === null ? "—" : (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

const InstitutionField = (props: { id: string }) => <input type="hidden" name="institution_id" value={props.id} />;

export function BankPickPage(props: {
  holder: AccountHolder;
  sessionId: string;
  appName: string;
  institutions: readonly Institution[];
  error?: string;
}) {
  const href = useHref();
  return (
    <Layout title="Link a bank account">
      <h1>Link a bank account</h1>
      <Holder holder={props.holder} />
      <p>Choose your bank to link an account to {props.appName}.</p>
      <form method="post" action={href("/institutions/connect/institution")} novalidate>
        <SessionField sessionId={props.sessionId} />
        <fieldset aria-describedby={props.error ? "institution-error" : undefined}>
          <legend>Your bank</legend>
          {props.institutions.map((institution, index) => (
            <label class="choice" for={`institution-${institution.id}`} key={institution.id}>
              <input
                type="radio"
                id={`institution-${institution.id}`}
                name="institution_id"
                value={institution.id}
                required
                checked={index === 0}
              />
              <span>
                <strong>{institution.name}</strong>
                {institution.accounts.length} sandbox accounts
              </span>
            </label>
          ))}
          <FieldError id="institution-error" message={props.error} />
        </fieldset>
        <button type="submit">Continue</button>
      </form>
    </Layout>
  );
}

export function BankLoginPage(props: {
  holder: AccountHolder;
  sessionId: string;
  institution: Institution;
  username: string;
  error?: string;
}) {
  const href = useHref();
  const { institution, error } = props;
  return (
    <Layout title={`Sign in to ${institution.name}`}>
      <h1>Sign in to {institution.name}</h1>
      <Holder holder={props.holder} />
      <p>Enter your online banking username and password. Astra never shares them with the app.</p>
      <p class="notice">
        Sandbox: username <strong>{BANK_USERNAME}</strong>, password <strong>{BANK_PASSWORD}</strong>
      </p>
      {error ? (
        <p class="alert" role="alert" id="credentials-error">
          {error}
        </p>
      ) : null}
      <form method="post" action={href("/institutions/connect/credentials")} novalidate>
        <SessionField sessionId={props.sessionId} />
        <InstitutionField id={institution.id} />
        <div class="field">
          <label for="username">Username</label>
          <input
            id="username"
            name="username"
            type="text"
            autocomplete="username"
            required
            value={props.username}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "credentials-error" : undefined}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "credentials-error" : undefined}
          />
        </div>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}

export function BankAccountsPage(props: {
  holder: AccountHolder;
  sessionId: string;
  appName: string;
  institution: Institution;
  error?: string;
}) {
  const href = useHref();
  const { institution, error } = props;
  return (
    <Layout title="Choose accounts">
      <h1>Choose accounts to link</h1>
      <Holder holder={props.holder} />
      <p>
        Which {institution.name} accounts may {props.appName} use?
      </p>
      <form method="post" action={href("/institutions/connect/accounts")} novalidate>
        <SessionField sessionId={props.sessionId} />
        <InstitutionField id={institution.id} />
        <fieldset aria-describedby={error ? "accounts-error" : undefined}>
          <legend>Accounts</legend>
          {institution.accounts.map((account) => (
            <label class="choice" for={`account-${account.mask}`} key={account.mask}>
              <input type="checkbox" id={`account-${account.mask}`} name="account" value={account.mask} checked />
              <span>
                <strong>
                  {account.name} ••{account.mask}
                </strong>
                {account.subtype} · balance {dollars(account.currentBalanceCents)}
              </span>
            </label>
          ))}
          <FieldError id="accounts-error" message={error} />
        </fieldset>
        <button type="submit">Continue</button>
      </form>
    </Layout>
  );
}
