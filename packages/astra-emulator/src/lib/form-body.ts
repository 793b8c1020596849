// Form bodies (module pages, dashboard) read once, with a broken body answered as the user's mistake (400),
// not as an emulator failure: the platform's form parser throws on malformed multipart or urlencoded input.
import type { Context } from "hono";
import { ApiError } from "./create-app";

type FormValue = string | File;

async function parse(c: Context): Promise<Record<string, FormValue | FormValue[]>> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    throw new ApiError(400, "The form body could not be read.", {
      fields: { body: ["must be a well-formed application/x-www-form-urlencoded or multipart/form-data body"] },
    });
  }
}

/** Every field as a list of its string values (a repeated field, such as checkboxes, keeps all of them). */
export async function readForm(c: Context, options: { repeated: true }): Promise<Record<string, string[]>>;
/** Each field's last string value; a file or missing value is "". */
export async function readForm(c: Context): Promise<Record<string, string>>;
export async function readForm(c: Context, options?: { repeated: true }) {
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(await parse(c))) {
    lists[name] = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
  }
  if (options?.repeated) return lists;
  return Object.fromEntries(Object.entries(lists).map(([name, values]) => [name, values.at(-1) ?? ""]));
}

/** The raw parsed body, files included (the photo-ID upload). */
export async function readFormWithFiles(c: Context): Promise<Record<string, FormValue>> {
  const body = await parse(c);
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [name, Array.isArray(value) ? (value.at(-1) ?? "") : value]),
  );
}
