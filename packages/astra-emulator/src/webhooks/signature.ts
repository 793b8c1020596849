// Astra's webhook body and its `Astra-Verification` signature, as pure functions
// (https://docs.astra.finance/reference/webhook-verification).
// Astra's reference verifier re-serializes the payload with Python's json.dumps defaults and HMACs that string,
// so the emulator sends exactly those bytes: receivers that verify the raw body and receivers that
// re-serialize like Python then agree.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookPayload } from "../wire-schemas";

/** The key order of Astra's documented examples; `metadata` (user webhooks only) comes last. */
const KEY_ORDER = ["webhook_type", "resource_id", "user_id", "webhook_id"] as const;

/** What the emulator sends: Astra's payload, plus the user intent's metadata on user webhooks. */
export type SentWebhookPayload = WebhookPayload & { metadata?: Record<string, unknown> };

/**
 * One JSON value as Python's json.dumps writes it: separators ", " and ": ", ensure_ascii escapes everything
 * outside printable ASCII. (Floats with exponents are written the JavaScript way, e.g. 1e-7 for Python's 1e-07.)
 */
function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${pythonJson(key)}: ${pythonJson(item)}`).join(", ")}}`;
}

/** `json.dumps(payload)`: separators ", " and ": ", keys in Astra's order. */
export function serializeWebhookPayload(payload: SentWebhookPayload): string {
  const fields = KEY_ORDER.map((key) => `${pythonJson(key)}: ${pythonJson(payload[key])}`);
  if (payload.metadata) fields.push(`${pythonJson("metadata")}: ${pythonJson(payload.metadata)}`);
  return `{${fields.join(", ")}}`;
}

/** base64(HMAC-SHA256(key = client_secret as UTF-8, message = the body's bytes)). */
export function signWebhookBody(body: string, clientSecret: string): string {
  return createHmac("sha256", Buffer.from(clientSecret, "utf8")).update(body, "utf8").digest("base64");
}

/** Checks an `Astra-Verification` value against the raw body without leaking where they differ. */
export function verifyWebhookSignature(body: string, signature: string, clientSecret: string): boolean {
  const expected = Buffer.from(signWebhookBody(body, clientSecret), "base64");
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
