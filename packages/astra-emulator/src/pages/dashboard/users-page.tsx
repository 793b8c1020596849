/** @jsxImportSource hono/jsx */
// An app's user intents and users, and the confirmation step before deleting a user.
import { formatPhone } from "../../lib/phone";
import type { DeveloperApp } from "../../store";
import type { IntentSummary, UserFootprint, UserSummary } from "../../store/dashboard";
import { appPath, type Chrome, DashboardLayout, formatTime } from "./layout";
import { useHref } from "../../lib/base-path";

export function UsersPage(props: {
  chrome: Chrome;
  app: DeveloperApp;
  intents: IntentSummary[];
  users: UserSummary[];
  deleted?: boolean;
}) {
  const href = useHref();
  const { app } = props;
  return (
    <DashboardLayout title={`${app.name} users`} chrome={props.chrome}>
      <h1>Users and user intents</h1>
      {props.deleted ? (
        <p class="success" role="status">
          The user was deleted. Their phone number is free to sign up again.
        </p>
      ) : null}
      <section class="card" aria-labelledby="intents-heading">
        <h2 id="intents-heading">User intents ({props.intents.length})</h2>
        {props.intents.length === 0 ? (
          <p>No user intents yet. Create one with POST /v1/user_intent.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
                <th scope="col">Status</th>
                <th scope="col">User</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {props.intents.map((intent) => (
                <tr key={intent.id}>
                  <td class="mono">{intent.id}</td>
                  <td>{`${intent.firstName} ${intent.lastName}`}</td>
                  <td>{intent.email}</td>
                  <td class="nowrap">{formatPhone(intent.phone)}</td>
                  <td>{intent.status}</td>
                  <td class="mono">{intent.userId ?? "—"}</td>
                  <td>{formatTime(intent.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Users ({props.users.length})</h2>
        {props.users.length === 0 ? (
          <p>No users yet. People become users when they sign in through the module.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Phone</th>
                <th scope="col">Status</th>
                <th scope="col">Accounts</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.users.map((user) => (
                <tr key={user.id}>
                  <td class="mono">{user.id}</td>
                  <td>{`${user.firstName} ${user.lastName}`}</td>
                  <td class="nowrap">{formatPhone(user.phone)}</td>
                  <td>{user.status}</td>
                  <td>{user.accountCount}</td>
                  <td>{formatTime(user.createdAt)}</td>
                  <td>
                    <a href={href(appPath(app.clientId, `/users/${encodeURIComponent(user.id)}/delete`))}>
                      Delete user<span class="visually-hidden">{` ${user.firstName} ${user.lastName}`}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </DashboardLayout>
  );
}

export function DeleteUserPage(props: {
  chrome: Chrome;
  app: DeveloperApp;
  user: Pick<UserSummary, "id" | "firstName" | "lastName" | "phone">;
  footprint: UserFootprint;
}) {
  const href = useHref();
  const { app, user, footprint } = props;
  const usersPath = appPath(app.clientId, "/users");
  return (
    <DashboardLayout title="Delete user" chrome={props.chrome}>
      <section class="card" aria-labelledby="delete-heading">
        <h1 id="delete-heading">{`Delete ${user.firstName} ${user.lastName}?`}</h1>
        <p>
          This removes the user {formatPhone(user.phone)} with {footprint.accounts} account(s), {footprint.routines}{" "}
          routine(s), {footprint.transfers} transfer(s), and all their tokens and sign-in sessions. Their phone number
          becomes free to sign up again. This cannot be undone.
        </p>
        <form method="post" action={href(`${usersPath}/${encodeURIComponent(user.id)}/delete`)} class="row">
          <button type="submit" class="danger">
            Delete user
          </button>
          <a class="button secondary" href={href(usersPath)}>
            Cancel
          </a>
        </form>
      </section>
    </DashboardLayout>
  );
}
