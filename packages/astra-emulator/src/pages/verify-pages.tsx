/** @jsxImportSource hono/jsx */
// The identity follow-ups of the module: re-entering personal details (retry) and a photo ID (document).
import { FieldError, Layout, SessionField } from "./layout";
import { useHref } from "../lib/base-path";

export type PersonalField = "address1" | "address2" | "city" | "state" | "postal_code" | "date_of_birth" | "ssn";

interface FieldSpec {
  name: PersonalField;
  label: string;
  hint?: string;
  type: string;
  autocomplete: string;
  inputmode?: "numeric";
  maxlength?: number;
}

const ADDRESS: FieldSpec[] = [
  { name: "address1", label: "Street address", type: "text", autocomplete: "address-line1" },
  { name: "address2", label: "Apartment, suite, unit (optional)", type: "text", autocomplete: "address-line2" },
  { name: "city", label: "City", type: "text", autocomplete: "address-level2" },
];
const STATE_AND_ZIP: FieldSpec[] = [
  {
    name: "state",
    label: "State",
    hint: "2 letters, e.g. CA",
    type: "text",
    autocomplete: "address-level1",
    maxlength: 2,
  },
  {
    name: "postal_code",
    label: "ZIP code",
    type: "text",
    autocomplete: "postal-code",
    inputmode: "numeric",
    maxlength: 5,
  },
];
const IDENTITY: FieldSpec[] = [
  { name: "date_of_birth", label: "Date of birth", hint: "YYYY-MM-DD", type: "date", autocomplete: "bday" },
  {
    name: "ssn",
    label: "Social Security number",
    hint: "9 digits. For your security we never show it back.",
    type: "text",
    autocomplete: "off",
    inputmode: "numeric",
    maxlength: 11,
  },
];

function Field(props: { spec: FieldSpec; value: string; error: string | undefined }) {
  const { spec, error } = props;
  const describedBy = [spec.hint ? `${spec.name}-hint` : "", error ? `${spec.name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={spec.name}>{spec.label}</label>
      {spec.hint ? (
        <p id={`${spec.name}-hint`} class="hint">
          {spec.hint}
        </p>
      ) : null}
      <input
        id={spec.name}
        name={spec.name}
        type={spec.type}
        autocomplete={spec.autocomplete}
        inputmode={spec.inputmode}
        maxlength={spec.maxlength}
        required={spec.name !== "address2"}
        value={props.value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldError id={`${spec.name}-error`} message={error} />
    </div>
  );
}

export function PersonalPage(props: {
  sessionId: string;
  appName: string;
  values: Partial<Record<PersonalField, string>>;
  errors: Partial<Record<PersonalField, string>>;
}) {
  const href = useHref();
  const field = (spec: FieldSpec) => (
    <Field
      spec={spec}
      value={spec.name === "ssn" ? "" : (props.values[spec.name] ?? "")}
      error={props.errors[spec.name]}
    />
  );
  return (
    <Layout title="Confirm your details">
      <h1>Confirm your details</h1>
      <p>We could not verify your identity with the details {props.appName} sent. Please enter them again.</p>
      <p class="notice">Sandbox: any valid details are approved.</p>
      <form method="post" action={href("/verify/personal")} novalidate>
        <SessionField sessionId={props.sessionId} />
        {ADDRESS.map(field)}
        <div class="row">{STATE_AND_ZIP.map(field)}</div>
        {IDENTITY.map(field)}
        <button type="submit">Submit</button>
      </form>
    </Layout>
  );
}

export function DocumentPage(props: { sessionId: string; appName: string; error?: string }) {
  const href = useHref();
  return (
    <Layout title="Verify with a photo ID">
      <h1>Verify with a photo ID</h1>
      <p>
        To finish verifying your identity for {props.appName}, upload a photo of your driver’s license, state ID or
        passport.
      </p>
      <p class="notice">Sandbox: any image or PDF is approved, and nothing is stored. No ID at hand? Use a sample.</p>
      <form method="post" action={href("/verify/document")} enctype="multipart/form-data" class="actions" novalidate>
        <SessionField sessionId={props.sessionId} />
        <div class="field">
          <label for="document">Photo ID</label>
          <p id="document-hint" class="hint">
            An image (JPEG, PNG, HEIC…) or a PDF, up to 10 MB
          </p>
          <input
            id="document"
            name="document"
            type="file"
            accept="image/*,application/pdf"
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={props.error ? "document-hint document-error" : "document-hint"}
          />
          <FieldError id="document-error" message={props.error} />
        </div>
        <button type="submit" name="choice" value="upload">
          Upload photo ID
        </button>
        <button type="submit" name="choice" value="sample" class="secondary">
          Use a sample ID
        </button>
      </form>
    </Layout>
  );
}
