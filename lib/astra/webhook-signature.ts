// Astra-Verification is base64(HMAC-SHA256(client secret, body)): verify the raw bytes, since re-serialising breaks it.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signAstraWebhook(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

export function verifyAstraSignature(rawBody: string, signature: string | null, secret: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signAstraWebhook(rawBody, secret), "base64");
  const received = Buffer.from(signature.trim(), "base64");
  // Length first: timingSafeEqual throws on different lengths, and the length of a digest is no secret.
  return received.length === expected.length && timingSafeEqual(received, expected);
}
