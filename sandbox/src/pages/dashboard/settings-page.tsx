/** @jsxImportSource hono/jsx */
// An app's settings: keys (secret behind "Reveal secret"), redirect URIs, webhook URL and sandbox settings.
import type { DeveloperApp } from "../../store";
import type { FieldErrorMap } from "./auth-pages";
import { appPath, type Chrome, DashboardLayout, describedBy, FieldErrors, RedirectUrisField, formatTime } from "./layout";

export interface SettingsValues {
  redirect_uris: string;
  webhook_url: string;
  show_test_codes: boolean;
}

export const settingsValuesOf = (app: DeveloperApp): SettingsValues => ({
  redirect_uris: app.redirectUris.join("\n"),
  webhook_url: app.webhookUrl ?? "",
  show_test_codes: app.showTestCodes,
});

export function SettingsPage(props: {
  chrome: Chrome;
  app: DeveloperApp;
  values: SettingsValues;
  errors: FieldErrorMap;
  saved?: boolean;
  revealSecret?: boolean;
}) {
  const { app, values, errors } = props;
  const action = appPath(app.clientId);
  return (
    <DashboardLayout title={`${app.name} settings`} chrome={props.chrome}>
      <h1>{app.name}</h1>
      {props.saved ? (
        <p class="success" role="status">
          Settings saved.
        </p>
      ) : null}
      <section class="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">API keys</h2>
        <dl class="keys">
          <dt>Client id</dt>
          <dd>
            <code>{app.clientId}</code>
          </dd>
          <dt>Client secret</dt>
          <dd>
            {props.revealSecret ? (
              <code>{app.clientSecret}</code>
            ) : (
              <form method="post" action={`${action}/reveal-secret`} class="row">
                <span aria-hidden="true">••••••••••••••••</span>
                <button type="submit" class="secondary">
                  Reveal secret
                </button>
              </form>
            )}
          </dd>
          <dt>Support email</dt>
          <dd>{app.supportEmail ?? "—"}</dd>
          <dt>Created</dt>
          <dd>{formatTime(app.createdAt)}</dd>
        </dl>
      </section>
      <form method="post" action={action} novalidate>
        <section class="card" aria-labelledby="oauth-heading">
          <h2 id="oauth-heading">OAuth</h2>
          {Object.keys(errors).length > 0 ? (
            <p class="alert" role="alert">
              Nothing was saved. Please fix the fields marked below.
            </p>
          ) : null}
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
          <h2 id="sandbox-heading">Sandbox settings</h2>
          <div class="field">
            <label class="check" for="show_test_codes">
              <input id="show_test_codes" name="show_test_codes" type="checkbox" value="on" checked={values.show_test_codes} />
              Show test verification codes on the login page
            </label>
          </div>
        </section>
        <button type="submit">Save settings</button>
      </form>
    </DashboardLayout>
  );
}
