// JSON request bodies, read once and validated with zod at the boundary, for every REST route: a user's mistake
// is a 400 whose `description` is a field map `{field: ["message"]}`, as Astra answers validation errors
// (https://docs.astra.finance/reference/errors). The body cap (lib/body-limit.ts) runs before any route reads a body.
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError } from "./create-app";
import { fieldErrors } from "./field-errors";

/** The 400 for fields a route refuses, in the same words as a schema's refusal. */
export const invalidFields = (fields: Record<string, string[]>) =>
  new ApiError(400, "The body has invalid fields.", { fields });

/** The parsed JSON body, not yet validated; an empty body counts as `{}`. Broken JSON is a 400 naming "body". */
export async function readJsonValue(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "The body must be JSON.", { fields: { body: ["must be valid JSON"] } });
  }
}

/** `value` checked against `schema`; every problem is named in one 400. */
export function validateBody<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidFields(fieldErrors(parsed.error));
  return parsed.data;
}

/** Reads, parses and validates a JSON body with `schema`. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  return validateBody(schema, await readJsonValue(c));
}
