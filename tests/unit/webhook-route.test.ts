import { describe, expect, it } from "vitest";
import { EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { createMemoryWebhookIdStore } from "@/lib/astra/webhook-dedupe";
import { signAstraWebhook } from "@/lib/astra/webhook-signature";
import { handleAstraWebhook } from "@/lib/astra/webhooks";
import { subscribe, type UserEvent } from "@/lib/events/user-events";

// The app's default (emulator) client secret, which signs webhooks in development.
const SECRET = EMULATOR_CLIENT_SECRET;

function webhookRequest(body: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("astra-verification", signature);
  return new Request("http://localhost:3000/api/webhooks/astra", { method: "POST", headers, body });
}

const payload = (webhookId: string) =>
  `{"webhook_type": "transfer_updated", "resource_id": "trf_1", "user_id": "usr_hook", "webhook_id": "${webhookId}"}`;

function listen(userId: string) {
  const events: UserEvent[] = [];
  const stop = subscribe(userId, (event) => events.push(event));
  return { events, stop };
}

describe("POST /api/webhooks/astra", () => {
  it("accepts a signed event once and tells the user's open pages", async () => {
    const ids = createMemoryWebhookIdStore();
    const { events, stop } = listen("usr_hook");
    const body = payload("w-1");

    const first = await handleAstraWebhook(webhookRequest(body, signAstraWebhook(body, SECRET)), ids);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, notified: 1 });
    expect(events).toEqual([{ type: "transfer_updated", resourceId: "trf_1" }]);

    const replay = await handleAstraWebhook(webhookRequest(body, signAstraWebhook(body, SECRET)), ids);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(events).toHaveLength(1);
    stop();
  });

  it("answers 401 to a missing, wrong or tampered signature, and changes nothing", async () => {
    const ids = createMemoryWebhookIdStore();
    const { events, stop } = listen("usr_hook");
    const body = payload("w-2");
    const good = signAstraWebhook(body, SECRET);

    for (const request of [
      webhookRequest(body, null),
      webhookRequest(body, signAstraWebhook(body, "not-the-secret")),
      webhookRequest(body.replace("trf_1", "trf_9"), good),
    ]) {
      const response = await handleAstraWebhook(request, ids);
      expect(response.status).toBe(401);
    }
    expect(events).toEqual([]);
    // The id was not used up by the rejected attempts.
    expect(await ids.claim("w-2")).toBe(true);
    stop();
  });

  it("rejects a signed body that is not JSON with 400", async () => {
    const body = "not json";
    const response = await handleAstraWebhook(
      webhookRequest(body, signAstraWebhook(body, SECRET)),
      createMemoryWebhookIdStore(),
    );
    expect(response.status).toBe(400);
  });
});

// Astra retries anything but a 200, so a signed webhook the app does not understand is acknowledged, not refused.
describe("webhooks Astra may send that the emulator does not", () => {
  it("acknowledges a webhook type this app does not know, and tells no page", async () => {
    const { events, stop } = listen("usr_tol");
    const body = `{"webhook_type": "card_created", "resource_id": "card_1", "user_id": "usr_tol", "webhook_id": "w-tol-1"}`;
    const response = await handleAstraWebhook(
      webhookRequest(body, signAstraWebhook(body, SECRET)),
      createMemoryWebhookIdStore(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, handled: false });
    expect(events).toEqual([]);
    stop();
  });

  it("handles a user webhook carrying the intent's metadata", async () => {
    const { events, stop } = listen("usr_tol");
    const body = `{"webhook_type": "user_updated", "resource_id": "usr_tol", "user_id": "usr_tol", "webhook_id": "w-tol-2", "metadata": {"crm_id": "42"}}`;
    const response = await handleAstraWebhook(
      webhookRequest(body, signAstraWebhook(body, SECRET)),
      createMemoryWebhookIdStore(),
    );
    expect(await response.json()).toEqual({ received: true, notified: 1 });
    expect(events).toEqual([{ type: "user_updated", resourceId: "usr_tol" }]);
    stop();
  });
});
