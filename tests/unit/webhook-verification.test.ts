import { describe, expect, it } from "vitest";
import { createMemoryWebhookIdStore } from "@/lib/astra/webhook-dedupe";
import { signAstraWebhook, verifyAstraSignature } from "@/lib/astra/webhook-signature";

// A fixed test vector for https://docs.astra.finance/reference/webhook-verification: exact bytes, Python-style
// separators.
const SECRET = "demo_client_secret_123";
const BODY =
  '{"webhook_type": "transfer_updated", "resource_id": "7f3c2a9e41d08b5c6e1f2a3b4c5d6e7f8a9b0c1d", "user_id": "Qm4tZr8LpX2vN7cK5wYb3HdJ9sGfA1eRuT6oPiV0", "webhook_id": "2b6f0c4e-9a1d-4e7b-8c3f-5d2a1b0e9f87"}';

describe("Astra-Verification", () => {
  it("matches the reference test vector", () => {
    expect(signAstraWebhook(BODY, SECRET)).toBe("5FVh0kusO8uRSq6PFEOefqrEHEiJ3evm6vruS9zlK4s=");
    expect(verifyAstraSignature(BODY, "5FVh0kusO8uRSq6PFEOefqrEHEiJ3evm6vruS9zlK4s=", SECRET)).toBe(true);
  });

  it("signs bytes, not JSON: the compact form has another signature", () => {
    const compact = JSON.stringify(JSON.parse(BODY));
    expect(signAstraWebhook(compact, SECRET)).toBe("5d9adbDPMdlsz6HZY3vYddB4t9l9O4CiM2NKfdrJKLk=");
    expect(verifyAstraSignature(compact, "5FVh0kusO8uRSq6PFEOefqrEHEiJ3evm6vruS9zlK4s=", SECRET)).toBe(false);
  });

  it("rejects a tampered body, a wrong secret, a missing or malformed header", () => {
    const signature = signAstraWebhook(BODY, SECRET);
    expect(verifyAstraSignature(BODY.replace("transfer_updated", "transfer_created"), signature, SECRET)).toBe(false);
    expect(verifyAstraSignature(BODY, signature, "another_secret")).toBe(false);
    expect(verifyAstraSignature(BODY, null, SECRET)).toBe(false);
    expect(verifyAstraSignature(BODY, "not base64 at all", SECRET)).toBe(false);
    expect(verifyAstraSignature(BODY, "", SECRET)).toBe(false);
  });
});

describe("createMemoryWebhookIdStore", () => {
  it("claims an id once", async () => {
    const store = createMemoryWebhookIdStore();
    expect(await store.claim("w1")).toBe(true);
    expect(await store.claim("w1")).toBe(false);
    expect(await store.claim("w2")).toBe(true);
  });

  it("forgets the oldest ids beyond its size", async () => {
    const store = createMemoryWebhookIdStore({ maxEntries: 2 });
    await store.claim("a");
    await store.claim("b");
    await store.claim("c");
    expect(await store.claim("a")).toBe(true);
    expect(await store.claim("c")).toBe(false);
  });
});
