// Developer passwords for the dashboard: scrypt (node:crypto), stored as `scrypt$N$r$p$salt$hash` so the cost
// parameters travel with each hash and can be raised later without breaking stored ones.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** False for a wrong password and for a stored value that is not a hash this module made. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || !n || !r || !p || !salt || !hash) return false;
  const [N, blockSize, parallel] = [Number(n), Number(r), Number(p)];
  // Bounds keep a tampered row from asking for gigabytes of memory.
  if (![N, blockSize, parallel].every(Number.isInteger) || N < 2 || N > 2 ** 20 || blockSize > 32 || parallel > 16) {
    return false;
  }
  const expected = Buffer.from(hash, "base64url");
  if (expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(salt, "base64url"), expected.length, {
    N,
    r: blockSize,
    p: parallel,
    maxmem: 256 * N * blockSize * parallel,
  });
  return timingSafeEqual(actual, expected);
}
