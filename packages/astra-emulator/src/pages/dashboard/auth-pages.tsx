/** @jsxImportSource hono/jsx */
// Signed-out pages of the dashboard: log in and sign up. Passwords are never echoed back into the form.
import { DashboardLayout, describedBy, FieldErrors } from "./layout";
import { useHref } from "../../lib/base-path";

export type FieldErrorMap = Partial<Record<string, string[]>>;

const NextField = (props: { next?: string }) =>
  props.next ? <input type="hidden" name="next" value={props.next} /> : null;

export function LoginPage(props: { email: string; error?: string; next?: string; notice?: string }) {
  const href = useHref();
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
      <form method="post" action={href("/dashboard/login")} novalidate>
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
      <p class="spaced">
        New here? <a href={href("/dashboard/signup")}>Create a developer account</a>
      </p>
    </DashboardLayout>
  );
}

export interface SignupValues {
  email: string;
  first_name: string;
  last_name: string;
  agree_policy: boolean;
  agree_terms: boolean;
}

export const EMPTY_SIGNUP: SignupValues = {
  email: "",
  first_name: "",
  last_name: "",
  agree_policy: false,
  agree_terms: false,
};

const TextField = (props: {
  id: string;
  label: string;
  value: string;
  autocomplete: string;
  errors: string[] | undefined;
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <input
      id={props.id}
      name={props.id}
      autocomplete={props.autocomplete}
      required
      value={props.value}
      {...describedBy(props.id, props.errors)}
    />
    <FieldErrors id={`${props.id}-error`} messages={props.errors} />
  </div>
);

const Agreement = (props: { id: string; checked: boolean; errors: string[] | undefined; children: string }) => (
  <div class="field">
    <label class="check" for={props.id}>
      <input
        id={props.id}
        name={props.id}
        type="checkbox"
        value="on"
        required
        checked={props.checked}
        {...describedBy(props.id, props.errors)}
      />
      {props.children}
    </label>
    <FieldErrors id={`${props.id}-error`} messages={props.errors} />
  </div>
);

/** Astra's sign-up (getting-started guide): email and password, first and last name, and two agreements. */
export function SignupPage(props: { values: SignupValues; errors: FieldErrorMap }) {
  const href = useHref();
  const { errors, values } = props;
  return (
    <DashboardLayout title="Sign up" narrow>
      <h1>Create a developer account</h1>
      <p>
        {
          "Sandbox accounts live only in the emulator store. The policy and terms below are Astra's; the emulator only records that you agreed."
        }
      </p>
      {Object.keys(errors).length > 0 ? (
        <p class="alert" role="alert">
          Please fix the fields marked below.
        </p>
      ) : null}
      <form method="post" action={href("/dashboard/signup")} novalidate>
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={values.email}
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
        <TextField
          id="first_name"
          label="First name"
          value={values.first_name}
          autocomplete="given-name"
          errors={errors.first_name}
        />
        <TextField
          id="last_name"
          label="Last name"
          value={values.last_name}
          autocomplete="family-name"
          errors={errors.last_name}
        />
        <Agreement id="agree_policy" checked={values.agree_policy} errors={errors.agree_policy}>
          I agree to the Developer Policy
        </Agreement>
        <Agreement id="agree_terms" checked={values.agree_terms} errors={errors.agree_terms}>
          I agree to the Terms of Service
        </Agreement>
        <button type="submit">Create Account</button>
      </form>
      <p class="spaced">
        Already have an account? <a href={href("/dashboard/login")}>Log in</a>
      </p>
    </DashboardLayout>
  );
}
