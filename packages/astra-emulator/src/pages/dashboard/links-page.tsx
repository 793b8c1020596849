/** @jsxImportSource hono/jsx */
// The OAuth link generator: pick an action, a redirect URI, optionally a person and a state; get the module URL.
import { formatPhone } from "../../lib/phone";
import { MODULE_ACTIONS, type ModuleAction } from "../../lib/module-url";
import type { DeveloperApp } from "../../store";
import type { IntentSummary, UserSummary } from "../../store/dashboard";
import type { FieldErrorMap } from "./auth-pages";
import { appPath, type Chrome, DashboardLayout, describedBy, FieldErrors } from "./layout";
import { useHref } from "../../lib/base-path";

export interface LinkValues {
  action: ModuleAction;
  redirect_uri: string;
  /** "" for nobody, `intent:<id>` or `user:<id>`. */
  subject: string;
  state: string;
}

export function LinksPage(props: {
  chrome: Chrome;
  app: DeveloperApp;
  intents: IntentSummary[];
  users: UserSummary[];
  values: LinkValues;
  errors: FieldErrorMap;
  url: string | null;
}) {
  const href = useHref();
  const { app, values, errors } = props;
  return (
    <DashboardLayout title={`${app.name} link generator`} chrome={props.chrome}>
      <h1>OAuth link generator</h1>
      <p>Builds a link to the hosted module for {app.name}. Links are served by this emulator.</p>
      <section class="card" aria-labelledby="form-heading">
        <h2 id="form-heading">Link settings</h2>
        <form method="get" action={href(appPath(app.clientId, "/links"))} novalidate>
          <div class="field">
            <label for="action">Action type</label>
            <select id="action" name="action" {...describedBy("action", errors.action)}>
              {Object.entries(MODULE_ACTIONS).map(([value, action]) => (
                <option key={value} value={value} selected={value === values.action}>
                  {`${action.label} (${action.path})`}
                </option>
              ))}
            </select>
            <FieldErrors id="action-error" messages={errors.action} />
          </div>
          <div class="field">
            <label for="redirect_uri">Redirect URI</label>
            <select id="redirect_uri" name="redirect_uri" {...describedBy("redirect_uri", errors.redirect_uri)}>
              {app.redirectUris.map((uri) => (
                <option key={uri} value={uri} selected={uri === values.redirect_uri}>
                  {uri}
                </option>
              ))}
            </select>
            <FieldErrors id="redirect_uri-error" messages={errors.redirect_uri} />
          </div>
          <div class="field">
            <label for="subject">User intent or user (optional)</label>
            <p id="subject-hint" class="hint">
              Adds user_intent_id or user_id, and the phone number prefilled and locked (phone_read_only=true).
            </p>
            <select id="subject" name="subject" {...describedBy("subject", errors.subject, true)}>
              <option value="" selected={values.subject === ""}>
                Nobody: the person enters their own phone number
              </option>
              {props.intents.length > 0 ? (
                <optgroup label="User intents">
                  {props.intents.map((intent) => (
                    <option
                      key={intent.id}
                      value={`intent:${intent.id}`}
                      selected={values.subject === `intent:${intent.id}`}
                    >
                      {`User intent: ${intent.firstName} ${intent.lastName} · ${formatPhone(intent.phone)} · ${intent.status} · ${intent.email}`}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {props.users.length > 0 ? (
                <optgroup label="Users">
                  {props.users.map((user) => (
                    <option key={user.id} value={`user:${user.id}`} selected={values.subject === `user:${user.id}`}>
                      {`User: ${user.firstName} ${user.lastName} · ${formatPhone(user.phone)} · ${user.status} · ${user.accountCount} ${user.accountCount === 1 ? "account" : "accounts"}`}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            <FieldErrors id="subject-error" messages={errors.subject} />
          </div>
          <div class="field">
            <label for="state">State (optional)</label>
            <p id="state-hint" class="hint">
              Echoed back on the redirect.
            </p>
            <input
              id="state"
              name="state"
              value={values.state}
              maxlength={500}
              {...describedBy("state", errors.state, true)}
            />
            <FieldErrors id="state-error" messages={errors.state} />
          </div>
          <input type="hidden" name="generate" value="1" />
          <button type="submit">Generate link</button>
        </form>
      </section>
      {props.url ? (
        <section class="card" aria-labelledby="result-heading">
          <h2 id="result-heading">Your link</h2>
          <label for="generated-url">URL</label>
          <textarea id="generated-url" readonly rows={3}>
            {props.url}
          </textarea>
          <p class="spaced">
            <a class="button" href={props.url} target="_blank" rel="noopener noreferrer">
              Open
              <span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        </section>
      ) : null}
    </DashboardLayout>
  );
}
