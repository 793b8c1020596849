/** @jsxImportSource hono/jsx */
// The developer's applications with a "Create application" form, and the confirmation before deleting one.
import type { DeveloperApp } from "../../store";
import type { FieldErrorMap } from "./auth-pages";
import { AppNameField, appPath, type Chrome, DashboardLayout, RedirectUrisField, SupportField } from "./layout";
import { useHref } from "../../lib/base-path";

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
  /** Name of the app just deleted, for the notice. */
  deleted?: string;
}) {
  const href = useHref();
  const { errors, values } = props;
  return (
    <DashboardLayout title="Applications" chrome={props.chrome}>
      <h1>Applications</h1>
      {props.deleted ? (
        <p class="success" role="status">
          {`Deleted ${props.deleted} with its users, user intents, tokens, routines and webhook log.`}
        </p>
      ) : null}
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
                    <a href={href(appPath(app.clientId))}>{app.name}</a>
                  </td>
                  <td class="nowrap">
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
        <form method="post" action={href("/dashboard/apps")} novalidate>
          <AppNameField value={values.name} errors={errors.name} />
          <SupportField value={values.support_email} errors={errors.support_email} />
          <RedirectUrisField value={values.redirect_uris} errors={errors.redirect_uris} />
          <p class="hint">{"Saving shows the app's Keys section with its Client ID and Client Secret."}</p>
          <button type="submit">Save Changes</button>
        </form>
      </section>
    </DashboardLayout>
  );
}

/** "Delete application": what goes with it, and one button. Reached from the settings page. */
export function DeleteAppPage(props: { chrome: Chrome; app: DeveloperApp; userCount: number }) {
  const href = useHref();
  const { app } = props;
  return (
    <DashboardLayout title={`Delete ${app.name}`} chrome={props.chrome} narrow>
      <h1>{`Delete ${app.name}?`}</h1>
      <p>
        This deletes the application and everything that belongs to it: {props.userCount}{" "}
        {props.userCount === 1 ? "user" : "users"} with their accounts, routines and transfers, its user intents, tokens
        and webhook log. Its Client ID and Client Secret stop working. This cannot be undone.
      </p>
      <form method="post" action={href(appPath(app.clientId, "/delete"))} class="row">
        <button type="submit" class="danger">
          Delete application
        </button>
        <a href={href(appPath(app.clientId))}>Cancel</a>
      </form>
    </DashboardLayout>
  );
}
