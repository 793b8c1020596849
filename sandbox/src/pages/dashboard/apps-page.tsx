/** @jsxImportSource hono/jsx */
// The developer's applications with a "Create application" form, and the one-time display of new keys.
import type { DeveloperApp } from "../../store";
import type { FieldErrorMap } from "./auth-pages";
import { appPath, type Chrome, DashboardLayout, describedBy, FieldErrors, RedirectUrisField } from "./layout";

export interface NewAppValues {
  name: string;
  support_email: string;
  redirect_uris: string;
}

export function AppsPage(props: {
  chrome: Chrome;
  apps: { app: DeveloperApp; userCount: number }[];
  values: NewAppValues;
  errors: FieldErrorMap;
}) {
  const { errors, values } = props;
  return (
    <DashboardLayout title="Applications" chrome={props.chrome}>
      <h1>Applications</h1>
      <section class="card" aria-labelledby="apps-heading">
        <h2 id="apps-heading">Your applications</h2>
        {props.apps.length === 0 ? (
          <p>You have no applications yet. Create one below to get a client id and secret.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Client id</th>
                <th scope="col">Users</th>
              </tr>
            </thead>
            <tbody>
              {props.apps.map(({ app, userCount }) => (
                <tr key={app.clientId}>
                  <td>
                    <a href={appPath(app.clientId)}>{app.name}</a>
                  </td>
                  <td>
                    <code>{app.clientId}</code>
                  </td>
                  <td>{userCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="create-heading">
        <h2 id="create-heading">Create application</h2>
        {Object.keys(errors).length > 0 ? (
          <p class="alert" role="alert">
            Please fix the fields marked below.
          </p>
        ) : null}
        <form method="post" action="/dashboard/apps" novalidate>
          <div class="field">
            <label for="name">Application name</label>
            <input id="name" name="name" required value={values.name} {...describedBy("name", errors.name)} />
            <FieldErrors id="name-error" messages={errors.name} />
          </div>
          <div class="field">
            <label for="support_email">Support email</label>
            <input
              id="support_email"
              name="support_email"
              type="email"
              required
              value={values.support_email}
              {...describedBy("support_email", errors.support_email)}
            />
            <FieldErrors id="support_email-error" messages={errors.support_email} />
          </div>
          <RedirectUrisField value={values.redirect_uris} errors={errors.redirect_uris} />
          <button type="submit">Create application</button>
        </form>
      </section>
    </DashboardLayout>
  );
}

/** Shown once, right after creation, as the response to the POST (never at a URL that can be revisited). */
export function KeysPage(props: { chrome: Chrome; app: DeveloperApp }) {
  const { app } = props;
  return (
    <DashboardLayout title={`${app.name} created`} chrome={props.chrome}>
      <h1>{app.name} is ready</h1>
      <section class="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Your API keys</h2>
        <p class="notice" role="status">
          Copy them now: this is the only time the client secret is shown without asking. (This is a sandbox, so
          you can reveal it again on the settings page.)
        </p>
        <dl class="keys">
          <dt>Client id</dt>
          <dd>
            <code>{app.clientId}</code>
          </dd>
          <dt>Client secret</dt>
          <dd>
            <code>{app.clientSecret}</code>
          </dd>
        </dl>
        <p>
          Use them as HTTP Basic credentials at <code>POST /v1/oauth/token</code> and <code>/v1/user_intent</code>.
        </p>
        <a class="button" href={appPath(app.clientId)}>
          Go to settings
        </a>
      </section>
    </DashboardLayout>
  );
}
