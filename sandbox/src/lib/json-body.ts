// JSON request bodies validated with zod at the boundary: a user's mistake is a 400 whose `description` is a
// field map `{field: ["message"]}`, as Astra answers validation errors (astra-api.md 4.1).
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError } from "./create-app";

/** `{field: ["message"]}`, Astra's validation shape; problems with the body as a whole go under "body". */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses a JSON body with `schema`; an empty body counts as `{}`. A mistake is a 400 with a field map. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(400, "The body must be JSON.", { fields: { body: ["must be valid JSON"] } });
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(400, "The body has invalid fields.", { fields: fieldErrors(parsed.error) });
  }
  return parsed.data;
}
