// Zod schemas of the dashboard's forms. A user's mistake becomes a message on its field, never a 500.
import { z } from "zod";

const MAX_REDIRECT_URIS = 20;
const MAX_URL_LENGTH = 2000;

/** Why `value` cannot be registered as a redirect or webhook URL, or null when it can. */
export function urlProblem(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return `"${value.slice(0, 60)}…" is longer than ${MAX_URL_LENGTH} characters.`;
  if (/\s/.test(value)) return `"${value}" contains a space.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL; start it with https:// or http://.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `"${value}" must start with https:// or http://.`;
  if (value.includes("#")) return `"${value}" must not contain a #fragment.`;
  return null;
}

/**
 * One URI per line, each checked on its own and named by its line number in the message; blank lines and
 * repeats are dropped. Kept as typed, because the module matches exactly.
 */
const redirectUrisField = z.string().transform((text, ctx) => {
  const lines = text.split(/\r?\n/).map((line, index) => ({ number: index + 1, uri: line.trim() }));
  const filled = lines.filter((line) => line.uri !== "");
  const uris = [...new Set(filled.map((line) => line.uri))];
  if (uris.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one redirect URI." });
  if (uris.length > MAX_REDIRECT_URIS) {
    ctx.addIssue({ code: "custom", message: `Register at most ${MAX_REDIRECT_URIS} redirect URIs.` });
  }
  for (const { number, uri } of filled) {
    // "a, b" or "a,b": several URIs typed on one line, the commonest slip.
    const problem = /,\s*https?:\/\//i.test(uri)
      ? `"${uri.slice(0, 80)}" holds more than one URI; put each redirect URI on its own line.`
      : urlProblem(uri);
    if (problem) ctx.addIssue({ code: "custom", message: `Line ${number}: ${problem}` });
  }
  return uris;
});

const webhookUrlField = z.string().transform((text, ctx) => {
  const url = text.trim();
  if (url === "") return null;
  const problem = urlProblem(url);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
  return url;
});

const appNameField = z
  .string()
  .trim()
  .min(1, "Enter a name for the application.")
  .max(80, "Use at most 80 characters.");

/**
 * Astra's "support email or URL": an email address or an http(s) URL of a support page. Whether Astra requires
 * it is not documented; here it may be left empty (null), so the seeded app's settings save without one.
 */
const supportField = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .refine(
    (value) =>
      value === "" || z.email().safeParse(value).success || (/^https?:\/\//i.test(value) && urlProblem(value) === null),
    {
      message: "Enter an email address like support@example.com or a URL starting with https://.",
    },
  )
  .transform((value) => value || null);

// An unticked checkbox is simply absent from the form.
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined);

export const appRegistrationSchema = z.object({
  name: appNameField,
  support_email: supportField,
  redirect_uris: redirectUrisField,
});

export const appSettingsSchema = z.object({
  name: appNameField,
  support_email: supportField,
  redirect_uris: redirectUrisField,
  webhook_url: webhookUrlField,
  show_test_codes: checkbox,
  test_phones_enabled: checkbox,
  debit_enabled: checkbox,
  instant_speeds_enabled: checkbox,
});

const nameField = (what: string) =>
  z.string().trim().min(1, `Enter your ${what}.`).max(60, "Use at most 60 characters.");

/** A required agreement checkbox: present (any value) when ticked. */
const agreement = (what: string) =>
  z.string({ error: `Agree to the ${what} to create an account.` }).transform(() => true as const);

export const signupSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(200, "Use at most 200 characters.")
      .pipe(z.email("Enter an email address like name@example.com.")),
    password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
    confirm: z.string(),
    first_name: nameField("first name"),
    last_name: nameField("last name"),
    agree_policy: agreement("Developer Policy"),
    agree_terms: agreement("Terms of Service"),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "The passwords do not match." });
