import { describe, expect, it } from "vitest";
import { serializeWebhookPayload, signWebhookBody, verifyWebhookSignature } from "../../src/webhooks/signature";

// A fixed test vector for https://docs.astra.finance/reference/webhook-verification.
const SECRET = "demo_client_secret_123";
const PAYLOAD = {
  webhook_type: "transfer_updated",
  resource_id: "7f3c2a9e41d08b5c6e1f2a3b4c5d6e7f8a9b0c1d",
  user_id: "Qm4tZr8LpX2vN7cK5wYb3HdJ9sGfA1eRuT6oPiV0",
  webhook_id: "2b6f0c4e-9a1d-4e7b-8c3f-5d2a1b0e9f87",
} as const;
const BODY =
  '{"webhook_type": "transfer_updated", "resource_id": "7f3c2a9e41d08b5c6e1f2a3b4c5d6e7f8a9b0c1d", ' +
  '"user_id": "Qm4tZr8LpX2vN7cK5wYb3HdJ9sGfA1eRuT6oPiV0", "webhook_id": "2b6f0c4e-9a1d-4e7b-8c3f-5d2a1b0e9f87"}';
const SIGNATURE = "5FVh0kusO8uRSq6PFEOefqrEHEiJ3evm6vruS9zlK4s=";

describe("webhook serialization", () => {
  it("writes the payload like Python's json.dumps, in Astra's key order, whatever the object's order", () => {
    const shuffled = {
      webhook_id: PAYLOAD.webhook_id,
      user_id: PAYLOAD.user_id,
      resource_id: PAYLOAD.resource_id,
      webhook_type: PAYLOAD.webhook_type,
    };
    expect(serializeWebhookPayload(shuffled)).toBe(BODY);
  });

  it("writes a missing user as null and escapes non-ASCII like ensure_ascii", () => {
    const body = serializeWebhookPayload({ ...PAYLOAD, user_id: null, resource_id: 'é"\n\u007f' });
    expect(body).toBe(
      '{"webhook_type": "transfer_updated", "resource_id": "\\u00e9\\"\\n\\u007f", "user_id": null, ' +
        '"webhook_id": "2b6f0c4e-9a1d-4e7b-8c3f-5d2a1b0e9f87"}',
    );
    expect(JSON.parse(body)).toMatchObject({ resource_id: 'é"\n\u007f', user_id: null });
  });
});

describe("Astra-Verification", () => {
  it("matches the reference test vector", () => {
    expect(signWebhookBody(serializeWebhookPayload(PAYLOAD), SECRET)).toBe(SIGNATURE);
  });

  it("differs for the compact serialization: the bytes matter", () => {
    expect(signWebhookBody(JSON.stringify(PAYLOAD), SECRET)).toBe("5d9adbDPMdlsz6HZY3vYddB4t9l9O4CiM2NKfdrJKLk=");
  });

  it("verifies the vector and rejects a tampered body, a wrong secret or a malformed header", () => {
    expect(verifyWebhookSignature(BODY, SIGNATURE, SECRET)).toBe(true);
    expect(verifyWebhookSignature(BODY.replace("transfer_updated", "transfer_created"), SIGNATURE, SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, SIGNATURE, "another_secret")).toBe(false);
    expect(verifyWebhookSignature(BODY, "not base64 at all", SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, "", SECRET)).toBe(false);
  });
});
