/** @jsxImportSource hono/jsx */
// Sign-in step 1 of every module flow: the user's 10-digit US mobile number.
import { SANDBOX_VERIFICATION_CODE, TEST_PHONE_RANGE } from "../lib/phone";
import { FieldError, Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

export function PhonePage(props: {
  sessionId: string;
  appName: string;
  phone: string;
  readOnly: boolean;
  /** The flow's base path; the form posts to `${action}/phone`. */
  action?: string;
  /** The app's "show test codes" sandbox setting. */
  showCode?: boolean;
  /** The app's "Enable Phone Numbers For Testing" sandbox setting. */
  testPhones?: boolean;
  error?: string;
}) {
  const href = useHref();
  const action = props.action ?? "/login/oauth/authorize";
  return (
    <Layout title="Sign in">
      <h1>Sign in to Astra</h1>
      <p>{props.appName} uses Astra to move money. Enter your mobile number and we will text you a code.</p>
      <p class="notice">
        {props.testPhones === false
          ? "Sandbox: no text message is sent; the next page shows your code."
          : props.showCode === false
            ? `Sandbox: test numbers ${TEST_PHONE_RANGE} take a fixed code; other numbers see theirs on the next page.`
            : `Sandbox: test numbers ${TEST_PHONE_RANGE} accept the code ${SANDBOX_VERIFICATION_CODE}; other numbers see their code on the next page.`}
      </p>
      <form method="post" action={href(`${action}/phone`)} novalidate>
        <SessionField sessionId={props.sessionId} />
        <div class="field">
          <label for="phone">Mobile number</label>
          <p id="phone-hint" class="hint">
            10-digit US number, for example 2025550123
          </p>
          <input
            id="phone"
            name="phone"
            type="tel"
            inputmode="numeric"
            autocomplete="tel-national"
            required
            value={props.phone}
            readonly={props.readOnly}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={props.error ? "phone-hint phone-error" : "phone-hint"}
          />
          <FieldError id="phone-error" message={props.error} />
        </div>
        <button type="submit">Send code</button>
      </form>
    </Layout>
  );
}
