// Dashboard developer accounts and their sign-in sessions. Passwords are scrypt hashes (lib/password.ts);
// session tokens are stored only as SHA-256 hashes, like every other secret in the store.
import { hashSecret, newId, newSecret } from "../lib/ids";
import { hashPassword, verifyPassword } from "../lib/password";
import type { Sql } from "./sql/port";

export const DEVELOPER_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Developer {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  createdAt: Date;
}

export interface NewDeveloper {
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
}

/** What the sign-up form supplies (the agreement to the Developer Policy and Terms is checked before). */
export type DeveloperSignup = Omit<NewDeveloper, "passwordHash"> & { password: string };

interface DeveloperRow {
  id: string;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  created_at: number;
}

const toDeveloper = (row: DeveloperRow): Developer => ({
  id: row.id,
  email: row.email,
  firstName: row.first_name,
  lastName: row.last_name,
  createdAt: new Date(row.created_at),
});

/** Emails compare case-insensitively: "Dev@Example.com" and "dev@example.com" are one account. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The seed calls it inside its transaction; the caller hashes the password beforehand. */
export async function insertDeveloper(sql: Sql, developer: NewDeveloper, now: Date): Promise<Developer> {
  const record: Developer = {
    id: newId(),
    email: normalizeEmail(developer.email),
    firstName: developer.firstName,
    lastName: developer.lastName,
    createdAt: now,
  };
  await sql
    .prepare(
      `INSERT INTO developers (id, email, password_hash, first_name, last_name, terms_accepted_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.id,
      record.email,
      developer.passwordHash,
      record.firstName,
      record.lastName,
      now.getTime(),
      now.getTime(),
    );
  return record;
}

/** Verified against when the email is unknown, so a miss costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;

export function createDevelopersStore(sql: Sql) {
  const byEmail = sql.prepare<[string], DeveloperRow>("SELECT * FROM developers WHERE email = ?");
  const bySession = sql.prepare<[string, number], DeveloperRow>(
    `SELECT d.* FROM developer_sessions s JOIN developers d ON d.id = s.developer_id
     WHERE s.token_hash = ? AND s.expires_at > ?`,
  );
  const insertSession = sql.prepare<[string, string, number]>(
    "INSERT INTO developer_sessions (token_hash, developer_id, expires_at) VALUES (?, ?, ?)",
  );
  const deleteSession = sql.prepare<[string]>("DELETE FROM developer_sessions WHERE token_hash = ?");
  const deleteExpired = sql.prepare<[number]>("DELETE FROM developer_sessions WHERE expires_at <= ?");

  return {
    /** Null when the email already has an account. */
    async signUp(signup: DeveloperSignup, now: Date): Promise<Developer | null> {
      const { password, ...details } = signup;
      const passwordHash = await hashPassword(password);
      // Check and insert in one transaction: transactions never interleave, so two sign-ups for one email
      // cannot both pass the check, on either engine.
      return sql.transaction(async () => {
        if (await byEmail.get(normalizeEmail(details.email))) return null;
        return insertDeveloper(sql, { ...details, passwordHash }, now);
      });
    },
    /** The developer, or null for an unknown email or a wrong password (callers must not tell which). */
    async logIn(email: string, password: string): Promise<Developer | null> {
      const row = await byEmail.get(normalizeEmail(email));
      decoyHash ??= hashPassword("decoy password, never matches a real one");
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
      return row && ok ? toDeveloper(row) : null;
    },
    /** Returns the raw session token for the cookie; only its hash is stored. */
    async createSession(developerId: string, now: Date): Promise<string> {
      const token = newSecret(32);
      await deleteExpired.run(now.getTime());
      await insertSession.run(hashSecret(token), developerId, now.getTime() + DEVELOPER_SESSION_TTL_MS);
      return token;
    },
    /** Null when the token is unknown, expired or logged out. */
    async findBySession(token: string, now: Date): Promise<Developer | null> {
      const row = await bySession.get(hashSecret(token), now.getTime());
      return row ? toDeveloper(row) : null;
    },
    async endSession(token: string): Promise<void> {
      await deleteSession.run(hashSecret(token));
    },
  };
}
