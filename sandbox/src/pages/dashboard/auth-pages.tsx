/** @jsxImportSource hono/jsx */
// Signed-out pages of the dashboard: log in and sign up. Passwords are never echoed back into the form.
import { DashboardLayout, describedBy, FieldErrors } from "./layout";

export type FieldErrorMap = Partial<Record<string, string[]>>;

const NextField = (props: { next?: string }) => (props.next ? <input type="hidden" name="next" value={props.next} /> : null);

export function LoginPage(props: { email: string; error?: string; next?: string; notice?: string }) {
  return (
    <DashboardLayout title="Log in" narrow>
      <h1>Log in to the sandbox dashboard</h1>
      {props.notice ? (
        <p class="success" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="alert" role="alert" id="login-error">
          {props.error}
        </p>
      ) : null}
      <p class="notice">Sandbox: the seeded account is developer@example.com with the password sandbox-password.</p>
      <form method="post" action="/dashboard/login" novalidate>
        <NextField next={props.next} />
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email}
            aria-describedby={props.error ? "login-error" : undefined}
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">Log in</button>
      </form>
      <p style="margin-top: 1rem">
        New here? <a href="/dashboard/signup">Create a developer account</a>
      </p>
    </DashboardLayout>
  );
}

export function SignupPage(props: { email: string; errors: FieldErrorMap }) {
  const { errors } = props;
  return (
    <DashboardLayout title="Sign up" narrow>
      <h1>Create a developer account</h1>
      <p>Sandbox accounts live only in the emulator store.</p>
      <form method="post" action="/dashboard/signup" novalidate>
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email}
            {...describedBy("email", errors.email)}
          />
          <FieldErrors id="email-error" messages={errors.email} />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <p id="password-hint" class="hint">
            At least 10 characters.
          </p>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minlength={10}
            {...describedBy("password", errors.password, true)}
          />
          <FieldErrors id="password-error" messages={errors.password} />
        </div>
        <div class="field">
          <label for="confirm">Confirm password</label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autocomplete="new-password"
            required
            {...describedBy("confirm", errors.confirm)}
          />
          <FieldErrors id="confirm-error" messages={errors.confirm} />
        </div>
        <button type="submit">Create account</button>
      </form>
      <p style="margin-top: 1rem">
        Already have an account? <a href="/dashboard/login">Log in</a>
      </p>
    </DashboardLayout>
  );
}
