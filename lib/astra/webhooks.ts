// The webhook receiver: verify, handle each webhook_id once, tell the user's open pages (a webhook carries no token).
import "server-only";
import { getEnv } from "@/lib/env";
import { readTextUpTo } from "@/lib/http/limited-body";
import { getAppState } from "@/lib/db/app-state";
import type { UserEventRelay } from "@/lib/events/user-events";
import type { WebhookIdStore } from "./webhook-dedupe";
import { webhookPayloadSchema, webhookTypeSchema } from "./schemas";
import { verifyAstraSignature } from "./webhook-signature";

/** Astra's webhooks are a few hundred bytes: a larger body is refused before hashing. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

export async function handleAstraWebhook(
  request: Request,
  ids: WebhookIdStore = getAppState().webhookIds,
  events: UserEventRelay = getAppState().userEvents,
): Promise<Response> {
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
  let claimed = false;
  try {
    claimed = await ids.claim(event.webhook_id);
    if (!claimed) return Response.json({ received: true, duplicate: true });
    const relayed = event.user_id
      ? await events.publish(event.user_id, { type: type.data, resourceId: event.resource_id })
      : { notified: 0 };
    return Response.json({ received: true, ...relayed });
  } catch (error) {
    // The shared store failed (a database outage): leave the id unhandled and let Astra's retry try again.
    if (claimed) await ids.release(event.webhook_id).catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    console.error(JSON.stringify({ event: "webhook_not_recorded", webhookId: event.webhook_id, message }));
    return Response.json({ error: "The webhook could not be recorded; Astra will retry it." }, { status: 503 });
  }
}
