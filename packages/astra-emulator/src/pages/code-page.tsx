/** @jsxImportSource hono/jsx */
// Sign-in step 2 of every module flow: the 6-digit verification code "sent" by text message.
import { formatPhone } from "../lib/phone";
import { FieldError, Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

export function CodePage(props: {
  sessionId: string;
  phone: string;
  /** The flow's base path; the form posts to `${action}/code`. */
  action?: string;
  /** The code to show in place of a text message; none hides it (a test number with "show test codes" off). */
  shownCode?: string;
  error?: string;
}) {
  const href = useHref();
  const action = props.action ?? "/login/oauth/authorize";
  return (
    <Layout title="Enter your code">
      <h1>Enter your code</h1>
      <p>
        Enter the 6-digit code sent to <span class="nowrap">{formatPhone(props.phone)}</span>
      </p>
      {props.shownCode === undefined ? null : (
        <p class="notice">
          Sandbox: no text message is sent. Your code is <strong>{props.shownCode}</strong>
        </p>
      )}
      <form method="post" action={href(`${action}/code`)} novalidate>
        <SessionField sessionId={props.sessionId} />
        <div class="field">
          <label for="code">Verification code</label>
          <input
            id="code"
            name="code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength={6}
            required
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={props.error ? "code-error" : undefined}
          />
          <FieldError id="code-error" message={props.error} />
        </div>
        <button type="submit">Verify</button>
      </form>
    </Layout>
  );
}
