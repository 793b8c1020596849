// Opaque identifiers and secrets. Secrets (codes, tokens) are stored only as SHA-256 hashes.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 hex characters, used for users and accounts (Astra's ids are opaque strings). */
export const newId = (): string => randomBytes(16).toString("hex");

/** URL-safe random secret; 30 bytes give 40 base64url characters. */
export const newSecret = (bytes = 30): string => randomBytes(bytes).toString("base64url");

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** Compares two strings without leaking where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}
