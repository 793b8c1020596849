// Server-side state of one pass through the hosted OAuth module. The browser only holds the random id.
import type { Database } from "better-sqlite3";
import { newSecret } from "../lib/ids";
import { MODULE_SESSION_TTL_MS } from "../lib/lifetimes";
import { insertAuthorizationCode } from "./tokens";
import { insertUser, selectUserByPhone, type UserRecord } from "./users";

export interface ModuleSession {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | null;
  phone: string | null;
  /** Set by `phone_read_only=true`: the phone cannot be changed in the module. */
  phoneLocked: boolean;
  verified: boolean;
  userId: string | null;
  expiresAt: Date;
}

export type NewModuleSession = Pick<ModuleSession, "clientId" | "redirectUri" | "state" | "phone" | "phoneLocked">;

export interface Profile {
  firstName: string;
  lastName: string;
  email: string;
}

interface SessionRow {
  id: string;
  client_id: string;
  redirect_uri: string;
  state: string | null;
  phone: string | null;
  phone_locked: number;
  verified: number;
  user_id: string | null;
  expires_at: number;
}

const toSession = (row: SessionRow): ModuleSession => ({
  id: row.id,
  clientId: row.client_id,
  redirectUri: row.redirect_uri,
  state: row.state,
  phone: row.phone,
  phoneLocked: row.phone_locked === 1,
  verified: row.verified === 1,
  userId: row.user_id,
  expiresAt: new Date(row.expires_at),
});

export function createModuleSessionsStore(db: Database) {
  const byId = db.prepare<[string], SessionRow>("SELECT * FROM module_sessions WHERE id = ?");
  const remove = db.prepare<[string]>("DELETE FROM module_sessions WHERE id = ?");
  const setUser = db.prepare<[string, string]>("UPDATE module_sessions SET user_id = ? WHERE id = ?");

  const createUserFor = db.transaction((session: ModuleSession, profile: Profile, now: Date): UserRecord => {
    if (!session.phone) throw new Error("A module session needs a phone before a user can be created.");
    // Another tab may have created the user for this phone meanwhile; reuse it rather than fail on UNIQUE.
    const user =
      selectUserByPhone(db, session.clientId, session.phone) ??
      insertUser(db, { ...profile, clientId: session.clientId, phone: session.phone, status: "approved" }, now);
    setUser.run(user.id, session.id);
    return user;
  });

  const authorize = db.transaction((session: ModuleSession, userId: string, now: Date): string => {
    remove.run(session.id);
    return insertAuthorizationCode(db, { clientId: session.clientId, userId, redirectUri: session.redirectUri }, now);
  });

  return {
    async create(input: NewModuleSession, now: Date): Promise<ModuleSession> {
      const session: ModuleSession = {
        ...input,
        id: newSecret(32),
        verified: false,
        userId: null,
        expiresAt: new Date(now.getTime() + MODULE_SESSION_TTL_MS),
      };
      db.prepare(
        `INSERT INTO module_sessions (id, client_id, redirect_uri, state, phone, phone_locked, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        session.id,
        session.clientId,
        session.redirectUri,
        session.state,
        session.phone,
        session.phoneLocked ? 1 : 0,
        session.expiresAt.getTime(),
      );
      return session;
    },
    /** Null when unknown or expired. */
    async find(id: string, now: Date): Promise<ModuleSession | null> {
      const row = byId.get(id);
      if (!row || row.expires_at <= now.getTime()) return null;
      return toSession(row);
    },
    /** A new phone starts verification over. */
    async setPhone(id: string, phone: string): Promise<void> {
      db.prepare("UPDATE module_sessions SET phone = ?, verified = 0, user_id = NULL WHERE id = ?").run(phone, id);
    },
    async markVerified(id: string, userId: string | null): Promise<void> {
      db.prepare("UPDATE module_sessions SET verified = 1, user_id = ? WHERE id = ?").run(userId, id);
    },
    /** Creates the approved user for the session's verified phone and attaches it, in one transaction. */
    async createUser(session: ModuleSession, profile: Profile, now: Date): Promise<UserRecord> {
      return createUserFor(session, profile, now);
    },
    /** Ends the session and returns a fresh authorization code for its user, in one transaction. */
    async authorize(session: ModuleSession, userId: string, now: Date): Promise<string> {
      return authorize(session, userId, now);
    },
    async remove(id: string): Promise<void> {
      remove.run(id);
    },
  };
}
