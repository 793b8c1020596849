// User intents: pre-register a person with the app's own credentials before sending them to Astra's module.
import "server-only";
import { z } from "zod";
import { astraFetch } from "./client";
import type { UserIntentCreate } from "./schemas";

const createdSchema = z.object({ id: z.string() });

export async function createUserIntent(input: UserIntentCreate, idempotencyKey?: string): Promise<string> {
  const created = await astraFetch({
    path: "/v1/user_intent",
    method: "POST",
    auth: "client",
    body: input,
    idempotencyKey,
    schema: createdSchema,
  });
  return created.id;
}
