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

/** One URI per line; blank lines and repeats are dropped. Kept as typed, because the module matches exactly. */
const redirectUrisField = z.string().transform((text, ctx) => {
  const uris = [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
  if (uris.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one redirect URI." });
  if (uris.length > MAX_REDIRECT_URIS) {
    ctx.addIssue({ code: "custom", message: `Register at most ${MAX_REDIRECT_URIS} redirect URIs.` });
  }
  for (const uri of uris) {
    const problem = urlProblem(uri);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
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

export const appRegistrationSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the application.").max(80, "Use at most 80 characters."),
  support_email: z.string().trim().pipe(z.email("Enter an email address like support@example.com.")),
  redirect_uris: redirectUrisField,
});

export const appSettingsSchema = z.object({
  redirect_uris: redirectUrisField,
  webhook_url: webhookUrlField,
  // An unticked checkbox is simply absent from the form.
  show_test_codes: z.string().optional().transform((value) => value !== undefined),
});

export const signupSchema = z
  .object({
    email: z.string().trim().max(200, "Use at most 200 characters.").pipe(z.email("Enter an email address like name@example.com.")),
    password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "The passwords do not match." });

export type FieldErrors = Partial<Record<string, string[]>>;

export const fieldErrors = (error: z.ZodError): FieldErrors => z.flattenError(error).fieldErrors as FieldErrors;
