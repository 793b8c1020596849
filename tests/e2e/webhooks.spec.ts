import { createHmac } from "node:crypto";
import { expect, test } from "./fixtures";
import { CLIENT_SECRET } from "./ports";

const sign = (body: string, secret = CLIENT_SECRET) => createHmac("sha256", secret).update(body).digest("base64");
const body = (webhookId: string) =>
  `{"webhook_type": "transfer_updated", "resource_id": "trf_e2e", "user_id": "usr_e2e", "webhook_id": "${webhookId}"}`;

test.describe("Webhook receiver", () => {
  test("a bad signature gets 401 and is not handled", async ({ request }) => {
    const payload = body(`e2e-bad-${Date.now()}`);
    const missing = await request.post("/api/webhooks/astra", {
      data: payload,
      headers: { "content-type": "application/json" },
    });
    expect(missing.status()).toBe(401);
    const wrong = await request.post("/api/webhooks/astra", {
      data: payload,
      headers: { "content-type": "application/json", "astra-verification": sign(payload, "someone-else") },
    });
    expect(wrong.status()).toBe(401);

    // Not handled: the same id, properly signed, is still new.
    const good = await request.post("/api/webhooks/astra", {
      data: payload,
      headers: { "content-type": "application/json", "astra-verification": sign(payload) },
    });
    // Relayed: to this server's open pages ({notified}), or to the outbox with DATABASE_URL ({eventId}).
    const handled = await good.json();
    expect(handled).toMatchObject({ received: true });
    expect(handled).not.toHaveProperty("duplicate");
  });

  test("a replayed webhook is handled once", async ({ request }) => {
    const payload = body(`e2e-replay-${Date.now()}`);
    const headers = { "content-type": "application/json", "astra-verification": sign(payload) };
    const first = await request.post("/api/webhooks/astra", { data: payload, headers });
    const second = await request.post("/api/webhooks/astra", { data: payload, headers });
    expect(first.status()).toBe(200);
    expect(await first.json()).not.toHaveProperty("duplicate");
    expect(second.status()).toBe(200);
    expect(await second.json()).toEqual({ received: true, duplicate: true });
  });
});
