/** @jsxImportSource hono/jsx */
// Step 3 of the module, for a phone with no Astra user yet: a minimal profile.
import { FieldError, Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

export type ProfileField = "first_name" | "last_name" | "email";

const FIELDS: { name: ProfileField; label: string; type: string; autocomplete: string }[] = [
  { name: "first_name", label: "First name", type: "text", autocomplete: "given-name" },
  { name: "last_name", label: "Last name", type: "text", autocomplete: "family-name" },
  { name: "email", label: "Email", type: "email", autocomplete: "email" },
];

export function ProfilePage(props: {
  sessionId: string;
  values: Partial<Record<ProfileField, string>>;
  errors: Partial<Record<ProfileField, string>>;
  error?: string;
}) {
  const href = useHref();
  return (
    <Layout title="Create your account">
      <h1>Create your Astra account</h1>
      <p>This number is new to Astra. Tell us who you are; the sandbox approves every new user.</p>
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={href("/login/oauth/authorize/profile")} novalidate>
        <SessionField sessionId={props.sessionId} />
        {FIELDS.map((field) => {
          const error = props.errors[field.name];
          return (
            <div class="field" key={field.name}>
              <label for={field.name}>{field.label}</label>
              <input
                id={field.name}
                name={field.name}
                type={field.type}
                autocomplete={field.autocomplete}
                required
                value={props.values[field.name] ?? ""}
                aria-invalid={error ? "true" : undefined}
                aria-describedby={error ? `${field.name}-error` : undefined}
              />
              <FieldError id={`${field.name}-error`} message={error} />
            </div>
          );
        })}
        <button type="submit">Continue</button>
      </form>
    </Layout>
  );
}
