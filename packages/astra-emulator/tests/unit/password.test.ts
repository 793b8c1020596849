import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/lib/password";
import { SEED_DEVELOPER } from "../../src/store/seed";

describe("dashboard password hashing", () => {
  it("stores scrypt$N$r$p$salt$hash with a 16-byte salt and a 64-byte key", async () => {
    const stored = await hashPassword("correct horse battery");
    const [scheme, n, r, p, salt, hash] = stored.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "16384", "8", "1"]);
    expect(Buffer.from(salt ?? "", "base64url")).toHaveLength(16);
    expect(Buffer.from(hash ?? "", "base64url")).toHaveLength(64);
    expect(stored).not.toContain("correct horse battery");
  });

  it("accepts the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterz", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so one password hashes differently twice", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword("same password", second)).toBe(true);
  });

  it("rejects tampered or foreign stored values instead of throwing", async () => {
    const stored = await hashPassword("correct horse battery");
    const parts = stored.split("$");
    const flipped = [...parts.slice(0, 5), `${parts[5]?.startsWith("A") ? "B" : "A"}${parts[5]?.slice(1)}`].join("$");
    expect(await verifyPassword("correct horse battery", flipped)).toBe(false);
    expect(await verifyPassword("x", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$99999999$8$1$c2FsdA$aGFzaA")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });

  it("the seed's precomputed hash matches the documented seed password", async () => {
    expect(await verifyPassword(SEED_DEVELOPER.password, SEED_DEVELOPER.passwordHash)).toBe(true);
  });
});
