// The webhook receiver: verify Astra's signature on the raw body, handle each webhook_id once, and tell the
// user's open pages, which then re-read the resource through the app's own routes with the user's token.
// (A webhook carries no token, and Astra's user resources can only be read with one.)
import "server-only";
import { getEnv } from "@/lib/env";
import { readTextUpTo } from "@/lib/http/limited-body";
import { publish } from "@/lib/events/user-events";
import { createMemoryWebhookIdStore, type WebhookIdStore } from "./webhook-dedupe";
import { webhookPayloadSchema, webhookTypeSchema } from "./schemas";
import { verifyAstraSignature } from "./webhook-signature";

const handledIds: WebhookIdStore = createMemoryWebhookIdStore();

/** Astra's webhooks are a few hundred bytes; anything this large is not one, and is refused before hashing. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

export async function handleAstraWebhook(request: Request, ids: WebhookIdStore = handledIds): Promise<Response> {
  const body = await readTextUpTo(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (!body.ok) {
    return Response.json({ error: `The body is larger than ${WEBHOOK_BODY_LIMIT_BYTES / 1024} KB.` }, { status: 413 });
  }
  const rawBody = body.text;
  const signature = request.headers.get("astra-verification");
  if (!verifyAstraSignature(rawBody, signature, getEnv().astraClientSecret)) {
    return Response.json({ error: "Missing or invalid Astra-Verification signature." }, { status: 401 });
  }

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return Response.json({ error: "The body is not JSON." }, { status: 400 });
  }
  const payload = webhookPayloadSchema.safeParse(json);
  const type = webhookTypeSchema.safeParse(payload.data?.webhook_type);
  if (!payload.success || !type.success) {
    // Signed by Astra but of a shape or type this app does not handle: acknowledge, so Astra stops retrying.
    return Response.json({ received: true, handled: false });
  }

  const event = payload.data;
  if (!(await ids.claim(event.webhook_id))) return Response.json({ received: true, duplicate: true });
  const notified = event.user_id ? publish(event.user_id, { type: type.data, resourceId: event.resource_id }) : 0;
  return Response.json({ received: true, notified });
}
