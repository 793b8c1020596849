/** @jsxImportSource hono/jsx */
// Step 4 of the module: the user authorizes (or denies) the developer app.
import { formatPhone } from "../lib/phone";
import { Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

export function ConsentPage(props: {
  sessionId: string;
  appName: string;
  userName: string;
  phone: string;
  redirectOrigin: string;
  /** Why this user cannot authorize (a rejected or suspended status); Authorize then answers 403. */
  blocked?: string;
  error?: string;
}) {
  const href = useHref();
  return (
    <Layout title="Authorize">
      <h1>{props.appName} wants to access your Astra account</h1>
      <p>
        Signed in as {props.userName}, <span class="nowrap">{formatPhone(props.phone)}</span>.
      </p>
      <p>If you authorize, {props.appName} can:</p>
      <ul>
        <li>see your name, email and phone number</li>
        <li>see your linked bank accounts and their balances</li>
        <li>set up transfers between your accounts</li>
      </ul>
      <p>
        You will return to <strong>{props.redirectOrigin}</strong>.
      </p>
      {props.blocked ? (
        <p class="notice" id="blocked">
          {props.blocked}
        </p>
      ) : null}
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={href("/login/oauth/authorize/consent")} class="actions">
        <SessionField sessionId={props.sessionId} />
        <button type="submit" name="decision" value="authorize">
          Authorize
        </button>
        <button type="submit" name="decision" value="deny" class="secondary">
          Deny
        </button>
      </form>
    </Layout>
  );
}
