import { describe, expect, it } from "vitest";
import { EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { createMemoryWebhookIdStore } from "@/lib/astra/webhook-dedupe";
import { signAstraWebhook } from "@/lib/astra/webhook-signature";
import { handleAstraWebhook } from "@/lib/astra/webhooks";
import { subscribe, type UserEvent } from "@/lib/events/user-events";

// Astra retries anything but a 200, so a signed webhook the app does not understand is acknowledged, not refused.
const SECRET = EMULATOR_CLIENT_SECRET;

function signed(body: string) {
  return new Request("http://localhost:3000/api/webhooks/astra", {
    method: "POST",
    headers: { "content-type": "application/json", "astra-verification": signAstraWebhook(body, SECRET) },
    body,
  });
}

function listen(userId: string) {
  const events: UserEvent[] = [];
  const stop = subscribe(userId, (event) => events.push(event));
  return { events, stop };
}

describe("webhooks Astra may send that the emulator does not", () => {
  it("acknowledges a webhook type this app does not know, and tells no page", async () => {
    const { events, stop } = listen("usr_tol");
    const body = `{"webhook_type": "card_updated", "resource_id": "card_1", "user_id": "usr_tol", "webhook_id": "w-tol-1"}`;
    const response = await handleAstraWebhook(signed(body), createMemoryWebhookIdStore());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, handled: false });
    expect(events).toEqual([]);
    stop();
  });

  it("handles a user webhook carrying the intent's metadata", async () => {
    const { events, stop } = listen("usr_tol");
    const body = `{"webhook_type": "user_updated", "resource_id": "usr_tol", "user_id": "usr_tol", "webhook_id": "w-tol-2", "metadata": {"crm_id": "42"}}`;
    const response = await handleAstraWebhook(signed(body), createMemoryWebhookIdStore());
    expect(await response.json()).toEqual({ received: true, notified: 1 });
    expect(events).toEqual([{ type: "user_updated", resourceId: "usr_tol" }]);
    stop();
  });
});
