// The one way a zod failure becomes field messages, for JSON bodies (Astra's `{field: ["message"]}`,
// https://docs.astra.finance/reference/errors) and for the forms of the module and dashboard pages alike.
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * Every problem, keyed by its field's dotted path; problems with the input as a whole (an unknown key in a
 * strict body among them) go under "body". A missing field reads "is required" rather than zod's "expected
 * string, received undefined".
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const missing = issue.code === "invalid_type" && issue.message.endsWith("received undefined");
    (fields[issue.path.join(".") || "body"] ??= []).push(missing ? "is required" : issue.message);
  }
  return fields;
}

/** Each field's first message, for pages that show one message beside each input. */
export function firstFieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  return Object.fromEntries(Object.entries(fieldErrors(error)).map(([field, messages]) => [field, messages[0]]));
}
