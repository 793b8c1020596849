/** @jsxImportSource hono/jsx */
// An app's settings in Astra's words: the Keys section (Client ID, Client Secret behind "Reveal"), the app's
// name, support contact and redirect URIs, the webhook URL, Sandbox Settings, and the way to delete the app.
import { SANDBOX_VERIFICATION_CODE, TEST_PHONE_RANGE } from "../../lib/phone";
import type { DeveloperApp } from "../../store";
import type { FieldErrorMap } from "./auth-pages";
import {
  AppNameField,
  appPath,
  type Chrome,
  CopyButton,
  DashboardLayout,
  describedBy,
  FieldErrors,
  formatTime,
  RedirectUrisField,
  SupportField,
} from "./layout";
import { useHref } from "../../lib/base-path";

export interface SettingsValues {
  name: string;
  support_email: string;
  redirect_uris: string;
  webhook_url: string;
  show_test_codes: boolean;
  test_phones_enabled: boolean;
  debit_enabled: boolean;
  instant_speeds_enabled: boolean;
}

export const settingsValuesOf = (app: DeveloperApp): SettingsValues => ({
  name: app.name,
  support_email: app.supportEmail ?? "",
  redirect_uris: app.redirectUris.join("\n"),
  webhook_url: app.webhookUrl ?? "",
  show_test_codes: app.showTestCodes,
  test_phones_enabled: app.testPhonesEnabled,
  debit_enabled: app.debitEnabled,
  instant_speeds_enabled: app.instantSpeedsEnabled,
});

const NOTICES = {
  created: "Application created. Its Keys are below: use the Client ID and Client Secret as HTTP Basic credentials.",
  saved: "Changes saved.",
};

function Keys(props: { app: DeveloperApp; revealSecret: boolean }) {
  const href = useHref();
  const { app } = props;
  return (
    <section class="card" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keys</h2>
      <dl class="keys">
        <dt>Client ID</dt>
        <dd class="nowrap">
          <code id="client-id">{app.clientId}</code>
          <CopyButton target="client-id" label="Copy the Client ID" />
        </dd>
        <dt>Client Secret</dt>
        <dd class="nowrap">
          {props.revealSecret ? (
            <>
              <code id="client-secret">{app.clientSecret}</code>
              <CopyButton target="client-secret" label="Copy the Client Secret" />
            </>
          ) : (
            <form method="post" action={href(appPath(app.clientId, "/reveal-secret"))} class="row">
              <span aria-hidden="true">••••••••••••••••</span>
              <button type="submit" class="secondary">
                Reveal secret
              </button>
            </form>
          )}
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(app.createdAt)}</dd>
      </dl>
      <p class="hint">
        Use them as HTTP Basic credentials at <code>POST /v1/oauth/token</code> and <code>POST /v1/user_intent</code>.
        Astra rotates keys when you ask its support; the emulator cannot rotate them (there is no rotate button).
      </p>
    </section>
  );
}

/** A Sandbox Settings checkbox, with its hint (children) when it has one. */
function Check(props: { name: string; checked: boolean; label: string; children?: unknown }) {
  const hint = props.children ? `${props.name}-hint` : undefined;
  return (
    <div class="field">
      <label class="check" for={props.name}>
        <input
          id={props.name}
          name={props.name}
          type="checkbox"
          value="on"
          checked={props.checked}
          aria-describedby={hint}
        />
        {props.label}
      </label>
      {hint ? (
        <p id={hint} class="hint">
          {props.children}
        </p>
      ) : null}
    </div>
  );
}

export function SettingsPage(props: {
  chrome: Chrome;
  app: DeveloperApp;
  values: SettingsValues;
  errors: FieldErrorMap;
  notice?: keyof typeof NOTICES;
  revealSecret?: boolean;
}) {
  const href = useHref();
  const { app, values, errors } = props;
  return (
    <DashboardLayout title={`${app.name} settings`} chrome={props.chrome}>
      <h1>{app.name}</h1>
      {props.notice ? (
        <p class="success" role="status">
          {NOTICES[props.notice]}
        </p>
      ) : null}
      <Keys app={app} revealSecret={props.revealSecret ?? false} />
      <form method="post" action={href(appPath(app.clientId))} novalidate>
        <section class="card" aria-labelledby="app-heading">
          <h2 id="app-heading">Application</h2>
          {Object.keys(errors).length > 0 ? (
            <p class="alert" role="alert">
              Nothing was saved. Please fix the fields marked below.
            </p>
          ) : null}
          <AppNameField value={values.name} errors={errors.name} />
          <SupportField value={values.support_email} errors={errors.support_email} />
          <RedirectUrisField value={values.redirect_uris} errors={errors.redirect_uris} />
        </section>
        <section class="card" aria-labelledby="webhooks-heading">
          <h2 id="webhooks-heading">Webhooks</h2>
          <div class="field">
            <label for="webhook_url">Webhook URL</label>
            <p id="webhook_url-hint" class="hint">
              Events are POSTed here, signed with the client secret. Leave empty to turn delivery off.
            </p>
            <input
              id="webhook_url"
              name="webhook_url"
              type="url"
              value={values.webhook_url}
              {...describedBy("webhook_url", errors.webhook_url, true)}
            />
            <FieldErrors id="webhook_url-error" messages={errors.webhook_url} />
          </div>
        </section>
        <section class="card" aria-labelledby="sandbox-heading">
          <h2 id="sandbox-heading">Sandbox Settings</h2>
          <Check
            name="test_phones_enabled"
            checked={values.test_phones_enabled}
            label="Enable Phone Numbers For Testing"
          >
            {`On: the test numbers ${TEST_PHONE_RANGE} sign in with the code ${SANDBOX_VERIFICATION_CODE}, as often as you like. `}
            Off: they are ordinary numbers. Every other number always is: the emulator sends no text message and shows a
            one-time code on the sign-in page instead.
          </Check>
          <Check
            name="show_test_codes"
            checked={values.show_test_codes}
            label={`Remind people of the test code ${SANDBOX_VERIFICATION_CODE} on the sign-in pages (emulator only)`}
          />
          <Check
            name="debit_enabled"
            checked={values.debit_enabled}
            label={`Debit card routines (payment_type "debit")`}
          />
          <Check
            name="instant_speeds_enabled"
            checked={values.instant_speeds_enabled}
            label="T+0 and real-time settlement speeds"
          >
            Astra enables these for a client on request. Off, routines that use them are refused as Astra refuses a
            client that is not enabled.
          </Check>
        </section>
        <button type="submit">Save Changes</button>
      </form>
      <section class="card spaced" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete application</h2>
        <p>Deletes the app with its users, user intents, tokens, routines and webhook log. You are asked to confirm.</p>
        <a class="button secondary" href={href(appPath(app.clientId, "/delete"))}>
          Delete application…
        </a>
      </section>
    </DashboardLayout>
  );
}
