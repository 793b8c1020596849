// Server-side state of one pass through a hosted module flow, and of the login cookie that lets the person
// skip the phone step on the next flow. The browser only holds random ids.
import { z } from "zod";
import { hashSecret, newSecret } from "../lib/ids";
import { MODULE_SESSION_TTL_MS } from "../lib/lifetimes";
import type { Sql } from "./sql/port";
import { insertAuthorizationCode } from "./tokens";
import { convertIntent, selectIntent } from "./user-intents";
import { insertUser, selectUserByPhone, type UserRecord } from "./users";

const contextSchema = z.object({
  flow: z.enum(["authorize", "verify_personal", "verify_document", "connect", "login"]),
  /** The user intent named on the module URL. */
  userIntentId: z.string().optional(),
  /** The user named on the module URL. */
  subjectUserId: z.string().optional(),
  /** Bank linking: the sandbox bank whose credentials were accepted. */
  institutionId: z.string().optional(),
});

export type SessionContext = z.infer<typeof contextSchema>;
export type ModuleFlow = SessionContext["flow"];

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
  context: SessionContext;
  expiresAt: Date;
}

export type NewModuleSession = Pick<ModuleSession, "clientId" | "redirectUri" | "state" | "phone" | "phoneLocked"> &
  Partial<Pick<ModuleSession, "context">>;

/** Who a login cookie stands for: the verified phone, and its user when there is one. */
export type LoginFor = Pick<ModuleSession, "clientId" | "redirectUri" | "phone" | "userId">;

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
  context: string | null;
  expires_at: number;
}

const AUTHORIZE: SessionContext = { flow: "authorize" };

const toSession = (row: SessionRow): ModuleSession => ({
  id: row.id,
  clientId: row.client_id,
  redirectUri: row.redirect_uri,
  state: row.state,
  phone: row.phone,
  phoneLocked: row.phone_locked === 1,
  verified: row.verified === 1,
  userId: row.user_id,
  context: row.context ? contextSchema.parse(JSON.parse(row.context)) : AUTHORIZE,
  expiresAt: new Date(row.expires_at),
});

export function createModuleSessionsStore(sql: Sql) {
  const byId = sql.prepare<[string], SessionRow>("SELECT * FROM module_sessions WHERE id = ?");
  const clientOf = sql.prepare<[string], string>("SELECT client_id FROM module_sessions WHERE id = ?").pluck();
  const remove = sql.prepare<[string]>("DELETE FROM module_sessions WHERE id = ?");
  const setUser = sql.prepare<[string, string]>("UPDATE module_sessions SET user_id = ? WHERE id = ?");
  const markVerified = sql.prepare<[string | null, string]>(
    "UPDATE module_sessions SET verified = 1, user_id = ? WHERE id = ?",
  );
  const insert = sql.prepare<
    [string, string, string, string | null, string | null, number, number, string | null, string, number]
  >(
    `INSERT INTO module_sessions (id, client_id, redirect_uri, state, phone, phone_locked, verified, user_id, context,
       expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // Finished and abandoned flows are never read again; dropping them keeps the table small.
  const purgeExpired = sql.prepare<[number]>("DELETE FROM module_sessions WHERE expires_at <= ?");

  const find = async (id: string, now: Date): Promise<ModuleSession | null> => {
    const row = await byId.get(id);
    return row && row.expires_at > now.getTime() ? toSession(row) : null;
  };

  const createUserFor = (session: ModuleSession, profile: Profile, now: Date): Promise<UserRecord> =>
    sql.transaction(async () => {
      const phone = session.phone;
      if (!phone) throw new Error("A module session needs a phone before a user can be created.");
      // Another tab may have created the user for this phone meanwhile; reuse it rather than fail on UNIQUE.
      const user =
        (await selectUserByPhone(sql, session.clientId, phone)) ??
        (await insertUser(sql, { ...profile, clientId: session.clientId, phone, status: "approved" }, now));
      await setUser.run(user.id, session.id);
      return user;
    });

  const verify = (session: ModuleSession, now: Date): Promise<UserRecord | null> =>
    sql.transaction(async () => {
      const phone = session.phone;
      if (!phone) throw new Error("A module session needs a phone before it can be verified.");
      // Authenticating to authorize is what converts an intent (astra-api.md 2.1); verify flows leave it as it is.
      const intentId = session.context.flow === "authorize" ? session.context.userIntentId : undefined;
      const intent = intentId ? await selectIntent(sql, intentId) : null;
      const user = intent
        ? await convertIntent(sql, intent, now)
        : await selectUserByPhone(sql, session.clientId, phone);
      await markVerified.run(user?.id ?? null, session.id);
      return user;
    });

  const authorize = (session: ModuleSession, userId: string, now: Date): Promise<string> =>
    sql.transaction(async () => {
      await remove.run(session.id);
      const grant = { clientId: session.clientId, userId, redirectUri: session.redirectUri };
      return insertAuthorizationCode(sql, grant, now);
    });

  return {
    async create(input: NewModuleSession, now: Date): Promise<ModuleSession> {
      const session: ModuleSession = {
        context: AUTHORIZE,
        ...input,
        id: newSecret(32),
        verified: false,
        userId: null,
        expiresAt: new Date(now.getTime() + MODULE_SESSION_TTL_MS),
      };
      await purgeExpired.run(now.getTime());
      await insert.run(
        session.id,
        session.clientId,
        session.redirectUri,
        session.state,
        session.phone,
        session.phoneLocked ? 1 : 0,
        0,
        null,
        JSON.stringify(session.context),
        session.expiresAt.getTime(),
      );
      return session;
    },
    /** The app a session belongs to, expired or not: which clock to read it by, which app's faults apply. */
    async clientIdOf(id: string): Promise<string | null> {
      return (await clientOf.get(id)) ?? null;
    },
    /** Null when unknown or expired. */
    async find(id: string, now: Date): Promise<ModuleSession | null> {
      return find(id, now);
    },
    /** A new phone starts verification over. */
    async setPhone(id: string, phone: string): Promise<void> {
      await sql
        .prepare("UPDATE module_sessions SET phone = ?, verified = 0, user_id = NULL WHERE id = ?")
        .run(phone, id);
    },
    async setContext(id: string, context: SessionContext): Promise<void> {
      await sql.prepare("UPDATE module_sessions SET context = ? WHERE id = ?").run(JSON.stringify(context), id);
    },
    /**
     * Marks the session's phone verified and attaches its user, in one transaction. In the authorize flow a user
     * intent on the URL is converted into its user (or into the user that already owns the phone).
     */
    async completeVerification(session: ModuleSession, now: Date): Promise<UserRecord | null> {
      return verify(session, now);
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
      await remove.run(id);
    },
    /** Remembers a verified phone for the login cookie; returns the cookie value (only its hash is stored). */
    async startLogin(session: LoginFor, now: Date): Promise<string> {
      const secret = newSecret(32);
      const login: SessionContext = { flow: "login" };
      const expiresAt = now.getTime() + MODULE_SESSION_TTL_MS;
      const { clientId, redirectUri, phone, userId } = session;
      // With the user's id the row goes when the user does (a demo visitor's cleanup), before the phone is reused.
      await insert.run(
        hashSecret(secret),
        clientId,
        redirectUri,
        null,
        phone,
        1,
        1,
        userId,
        JSON.stringify(login),
        expiresAt,
      );
      return secret;
    },
    /** The phone verified under this login cookie for this app; null when unknown, expired or another app's. */
    async findLogin(secret: string, clientId: string, now: Date): Promise<string | null> {
      const login = await find(hashSecret(secret), now);
      if (!login || login.context.flow !== "login" || login.clientId !== clientId) return null;
      return login.phone;
    },
  };
}
