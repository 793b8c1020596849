// Server-side state of one pass through a hosted module flow, and of the login cookie that lets the person
// skip the phone step on the next flow. The browser only holds random ids.
import { z } from "zod";
import { hashSecret, newSecret } from "../lib/ids";
import { MODULE_SESSION_TTL_MS } from "../lib/lifetimes";
import { LimitReachedError } from "./limits";
import type { Sql } from "./sql/port";
import { insertAuthorizationCode } from "./tokens";
import { convertIntent, selectIntent } from "./user-intents";
import { insertUser, selectUserByPhone, type UserRecord } from "./users";
import { recordStrangerUser, userSlotFor, type VisitorLimits } from "./visitors";

/** Visitor scope: open module sessions (login cookies included) one address key may hold at once. */
export const MAX_OPEN_SESSIONS_PER_ADDRESS = 50;

/** Visitor scope: who is asking, so the store can count what they make against their address. */
export interface Stranger {
  /** addressKey() of the client's address. */
  key: string;
  /** The per-address budget for new users (shared with POST /sandbox/visitors). */
  userLimits: VisitorLimits;
}

const tooManyUsers = (retryAfterMs: number, limits: VisitorLimits) =>
  new LimitReachedError(
    `This address made ${limits.perIp} seed users within an hour; try again in ${Math.ceil(retryAfterMs / 60_000)} minutes.`,
    retryAfterMs,
  );

const contextSchema = z.object({
  flow: z.enum(["authorize", "verify_personal", "verify_document", "connect", "cards", "login"]),
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
    [string, string, string, string | null, string | null, number, number, string | null, string, number, string | null]
  >(
    `INSERT INTO module_sessions (id, client_id, redirect_uri, state, phone, phone_locked, verified, user_id, context,
       expires_at, address_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const openFrom = sql
    .prepare<[string, number], number>("SELECT COUNT(*) FROM module_sessions WHERE address_key = ? AND expires_at > ?")
    .pluck();

  const roomFor = async (key: string | null, now: Date) =>
    key === null || ((await openFrom.get(key, now.getTime())) ?? 0) < MAX_OPEN_SESSIONS_PER_ADDRESS;

  /** Visitor scope: refuses a new session once `key` holds the maximum of open ones. */
  const checkOpenSessions = async (key: string | null, now: Date) => {
    if (await roomFor(key, now)) return;
    throw new LimitReachedError(
      `This address has ${MAX_OPEN_SESSIONS_PER_ADDRESS} sign-ins open; finish one or try again in 30 minutes.`,
      MODULE_SESSION_TTL_MS,
    );
  };

  // Finished and abandoned flows are never read again; dropping them keeps the table small.
  const purgeExpired = sql.prepare<[number]>("DELETE FROM module_sessions WHERE expires_at <= ?");

  const find = async (id: string, now: Date): Promise<ModuleSession | null> => {
    const row = await byId.get(id);
    return row && row.expires_at > now.getTime() ? toSession(row) : null;
  };

  /** Visitor scope: the stranger may make one more user now, or this throws (inside the caller's transaction). */
  const claimUserSlot = async (stranger: Stranger, now: Date) => {
    const slot = await userSlotFor(sql, stranger.key, now, stranger.userLimits);
    if (!slot.ok) throw tooManyUsers(slot.retryAt.getTime() - now.getTime(), stranger.userLimits);
  };

  const createUserFor = (
    session: ModuleSession,
    profile: Profile,
    now: Date,
    stranger: Stranger | null,
  ): Promise<UserRecord> =>
    sql.transaction(async () => {
      const phone = session.phone;
      if (!phone) throw new Error("A module session needs a phone before a user can be created.");
      // Another tab may have created the user for this phone meanwhile; reuse it rather than fail on UNIQUE.
      let user = await selectUserByPhone(sql, session.clientId, phone);
      if (!user) {
        if (stranger) await claimUserSlot(stranger, now);
        user = await insertUser(sql, { ...profile, clientId: session.clientId, phone, status: "approved" }, now);
        if (stranger) await recordStrangerUser(sql, user, stranger.key, now, "module");
      }
      await setUser.run(user.id, session.id);
      return user;
    });

  const verify = (session: ModuleSession, now: Date, stranger: Stranger | null): Promise<UserRecord | null> =>
    sql.transaction(async () => {
      const phone = session.phone;
      if (!phone) throw new Error("A module session needs a phone before it can be verified.");
      // Authenticating to authorize converts an intent; verify flows do not
      // (https://docs.astra.finance/reference/guide-userintent-user-statuses-and-oauth-module-flows).
      const intentId = session.context.flow === "authorize" ? session.context.userIntentId : undefined;
      const intent = intentId ? await selectIntent(sql, intentId) : null;
      if (!intent) {
        const user = await selectUserByPhone(sql, session.clientId, phone);
        await markVerified.run(user?.id ?? null, session.id);
        return user;
      }
      // Converting makes a user unless one already holds the intent's phone.
      const creates = stranger !== null && (await selectUserByPhone(sql, intent.clientId, intent.phone)) === null;
      if (creates) await claimUserSlot(stranger, now);
      const user = await convertIntent(sql, intent, now);
      if (creates) await recordStrangerUser(sql, user, stranger.key, now, "module");
      await markVerified.run(user.id, session.id);
      return user;
    });

  const authorize = (session: ModuleSession, userId: string, now: Date): Promise<string> =>
    sql.transaction(async () => {
      await remove.run(session.id);
      const grant = { clientId: session.clientId, userId, redirectUri: session.redirectUri };
      return insertAuthorizationCode(sql, grant, now);
    });

  return {
    /** In visitor scope `addressKey` names the opener; past MAX_OPEN_SESSIONS_PER_ADDRESS this throws. */
    async create(input: NewModuleSession, now: Date, addressKey: string | null = null): Promise<ModuleSession> {
      const session: ModuleSession = {
        context: AUTHORIZE,
        ...input,
        id: newSecret(32),
        verified: false,
        userId: null,
        expiresAt: new Date(now.getTime() + MODULE_SESSION_TTL_MS),
      };
      await sql.transaction(async () => {
        await purgeExpired.run(now.getTime());
        await checkOpenSessions(addressKey, now);
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
          addressKey,
        );
      });
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
    async completeVerification(
      session: ModuleSession,
      now: Date,
      stranger: Stranger | null = null,
    ): Promise<UserRecord | null> {
      return verify(session, now, stranger);
    },
    /**
     * Creates the approved user for the session's verified phone and attaches it, in one transaction. With a
     * stranger (visitor scope) the new user counts against their address, and past its budget this throws.
     */
    async createUser(
      session: ModuleSession,
      profile: Profile,
      now: Date,
      stranger: Stranger | null = null,
    ): Promise<UserRecord> {
      return createUserFor(session, profile, now, stranger);
    },
    /** Ends the session and returns a fresh authorization code for its user, in one transaction. */
    async authorize(session: ModuleSession, userId: string, now: Date): Promise<string> {
      return authorize(session, userId, now);
    },
    async remove(id: string): Promise<void> {
      await remove.run(id);
    },
    /** Remembers a verified phone for the login cookie; returns the cookie value (only its hash is stored). */
    /** Null, and no cookie, when `addressKey` (visitor scope) already holds its maximum of open sessions. */
    async startLogin(session: LoginFor, now: Date, addressKey: string | null = null): Promise<string | null> {
      const secret = newSecret(32);
      const login: SessionContext = { flow: "login" };
      const expiresAt = now.getTime() + MODULE_SESSION_TTL_MS;
      const { clientId, redirectUri, phone, userId } = session;
      return sql.transaction(async () => {
        if (!(await roomFor(addressKey, now))) return null;
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
          addressKey,
        );
        return secret;
      });
    },
    /** The phone verified under this login cookie for this app; null when unknown, expired or another app's. */
    async findLogin(secret: string, clientId: string, now: Date): Promise<string | null> {
      const login = await find(hashSecret(secret), now);
      if (!login || login.context.flow !== "login" || login.clientId !== clientId) return null;
      return login.phone;
    },
  };
}
