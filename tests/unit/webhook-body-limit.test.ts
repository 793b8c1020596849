import { afterEach, describe, expect, it, vi } from "vitest";
import * as signature from "@/lib/astra/webhook-signature";
import { createMemoryWebhookIdStore } from "@/lib/astra/webhook-dedupe";
import { handleAstraWebhook, WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/astra/webhooks";

// The receiver is public: an unsigned body costs the server only what it reads. Over 64 KB it answers 413
// without hashing, and it stops reading at the first chunk past the limit.
vi.mock("@/lib/astra/webhook-signature", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/astra/webhook-signature")>();
  return { ...actual, verifyAstraSignature: vi.fn(actual.verifyAstraSignature) };
});
const verify = vi.mocked(signature.verifyAstraSignature);

const URL = "http://localhost:3000/api/webhooks/astra";
const CHUNK = new Uint8Array(8 * 1024).fill(0x20);

/** An 8 MB body, counting how much of it was asked for (bounded, so a regression fails instead of hanging). */
function largeBody() {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += 1;
      if (counter.pulled > 1024) controller.close();
      else controller.enqueue(CHUNK);
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(URL, {
    method: "POST",
    body,
    headers: { "astra-verification": "c2lnbmF0dXJl", ...headers },
    duplex: "half",
  } as RequestInit);

afterEach(() => verify.mockClear());

describe("webhook body limit", () => {
  it("answers 413 to a 65 KB body without computing the HMAC", async () => {
    const body = `{"webhook_type":"transfer_updated","padding":"${"x".repeat(65 * 1024)}"}`;
    const response = await handleAstraWebhook(post(body), createMemoryWebhookIdStore());
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The body is larger than 64 KB." });
    expect(verify).not.toHaveBeenCalled();
  });

  it("refuses a declared Content-Length over the limit before reading any of the body", async () => {
    const { stream, counter } = largeBody();
    const response = await handleAstraWebhook(
      post(stream, { "content-length": String(256 * 1024 * 1024) }),
      createMemoryWebhookIdStore(),
    );
    expect(response.status).toBe(413);
    // The stream's first chunk is queued when the stream is made; nothing past it was asked for.
    expect(counter.pulled).toBeLessThanOrEqual(1);
    expect(verify).not.toHaveBeenCalled();
  });

  it("stops reading a body without a length at the first chunk past the limit", async () => {
    const { stream, counter } = largeBody();
    const response = await handleAstraWebhook(post(stream), createMemoryWebhookIdStore());
    expect(response.status).toBe(413);
    expect(counter.pulled * CHUNK.byteLength).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT_BYTES + 4 * CHUNK.byteLength);
    expect(counter.cancelled).toBe(true);
    expect(verify).not.toHaveBeenCalled();
  });

  it("still hashes and judges a body at the limit", async () => {
    const body = " ".repeat(WEBHOOK_BODY_LIMIT_BYTES);
    const response = await handleAstraWebhook(post(body), createMemoryWebhookIdStore());
    expect(response.status).toBe(401);
    expect(verify).toHaveBeenCalledOnce();
  });
});
