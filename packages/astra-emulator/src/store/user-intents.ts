// User intents: end users pre-registered by a client, whose KYC outcome the sandbox picks by their ip_address.
import type { UserIntentCreate, UserStatus } from "../wire-schemas";
import { newId } from "../lib/ids";
import { decideKyc } from "../lib/kyc";
import { recordEvent } from "./events";
import { LimitReachedError } from "./limits";
import type { Stranger } from "./module-sessions";
import type { Sql } from "./sql/port";
import { insertUser, selectUser, selectUserByPhone, writeUserStatus, type KycType, type UserRecord } from "./users";

/** Astra allows 3 user intents per email, sandbox included (docs/astra-sources.md). */
export const MAX_INTENTS_PER_EMAIL = 3;

export type UserIntentStatus = UserStatus | "converted_to_user";

export interface UserIntentRecord {
  id: string;
  clientId: string;
  email: string;
  /** 10 digits, no country code. */
  phone: string;
  firstName: string;
  lastName: string;
  preferredFirstName: string | null;
  preferredLastName: string | null;
  preferredPronouns: string | null;
  status: UserIntentStatus;
  kycType: KycType;
  /** The status KYC settles on; differs from `status` only while pending or after conversion. */
  kycOutcome: UserStatus;
  kycResolvesAt: Date | null;
  userId: string | null;
  /** Derived: the intent's user holds an access token of this client (a code was exchanged). */
  oauthTokenIssued: boolean;
  metadata: Record<string, string> | null;
  createdAt: Date;
}

/** The personal details re-entered in the retry flow (/verify/personal). */
export interface PersonalDetails {
  address1: string;
  address2: string;
  city: string;
  state: string;
  postalCode: string;
  dateOfBirth: string;
  ssn: string;
}

export type CreateIntentResult = { ok: true; intent: UserIntentRecord } | { ok: false; reason: "email_limit" };

interface IntentRow {
  id: string;
  client_id: string;
  email: string;
  phone: string;
  first_name: string;
  last_name: string;
  preferred_first_name: string | null;
  preferred_last_name: string | null;
  preferred_pronouns: string | null;
  status: UserIntentStatus;
  kyc_type: KycType;
  kyc_outcome: UserStatus;
  kyc_resolves_at: number | null;
  user_id: string | null;
  metadata: string | null;
  created_at: number;
  token_issued: number;
}

const toIntent = (row: IntentRow): UserIntentRecord => ({
  id: row.id,
  clientId: row.client_id,
  email: row.email,
  phone: row.phone,
  firstName: row.first_name,
  lastName: row.last_name,
  preferredFirstName: row.preferred_first_name,
  preferredLastName: row.preferred_last_name,
  preferredPronouns: row.preferred_pronouns,
  status: row.status,
  kycType: row.kyc_type,
  kycOutcome: row.kyc_outcome,
  kycResolvesAt: row.kyc_resolves_at === null ? null : new Date(row.kyc_resolves_at),
  userId: row.user_id,
  oauthTokenIssued: row.token_issued === 1,
  metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, string>),
  createdAt: new Date(row.created_at),
});

const SELECT_INTENT = `SELECT i.*, CASE WHEN EXISTS (SELECT 1 FROM access_tokens t
  WHERE t.user_id = i.user_id AND t.client_id = i.client_id) THEN 1 ELSE 0 END AS token_issued FROM user_intents i`;

export async function selectIntent(sql: Sql, id: string): Promise<UserIntentRecord | null> {
  const row = await sql.prepare<[string], IntentRow>(`${SELECT_INTENT} WHERE i.id = ?`).get(id);
  return row ? toIntent(row) : null;
}

/** `user_intent_updated` carries the intent id as its user_id (https://docs.astra.finance/reference/user-webhooks). */
const recordIntentUpdated = (sql: Sql, intent: UserIntentRecord, now: Date) =>
  recordEvent(
    sql,
    { clientId: intent.clientId, type: "user_intent_updated", userId: intent.id, resourceId: intent.id },
    now,
  );

/**
 * Turns an intent into its user when the person authenticates; call inside the caller's transaction. A phone
 * already used by a user of this app belongs to that user (docs/astra-sources.md), so the intent points there instead.
 */
export async function convertIntent(sql: Sql, intent: UserIntentRecord, now: Date): Promise<UserRecord> {
  if (intent.status === "converted_to_user" && intent.userId) {
    const converted = await selectUser(sql, intent.userId);
    if (converted) return converted;
  }
  const existing = await selectUserByPhone(sql, intent.clientId, intent.phone);
  // A pending timer belongs to this intent's KYC; it must not flip a user that existed before.
  if (existing) await sql.prepare("UPDATE user_intents SET kyc_resolves_at = NULL WHERE id = ?").run(intent.id);
  const user =
    existing ??
    (await insertUser(
      sql,
      {
        clientId: intent.clientId,
        phone: intent.phone,
        firstName: intent.firstName,
        lastName: intent.lastName,
        email: intent.email,
        status: intent.status === "converted_to_user" ? intent.kycOutcome : intent.status,
        kycType: intent.kycType,
        userIntentId: intent.id,
      },
      now,
    ));
  await sql
    .prepare("UPDATE user_intents SET status = 'converted_to_user', user_id = ? WHERE id = ?")
    .run(user.id, intent.id);
  await recordIntentUpdated(sql, intent, now);
  return user;
}

export function createUserIntentsStore(
  sql: Sql,
  routines: { refreshForUser(userId: string, now: Date): Promise<number> },
) {
  const countForEmail = sql
    .prepare<[string, string], number>(
      "SELECT COUNT(*) FROM user_intents WHERE client_id = ? AND lower(email) = lower(CAST(? AS TEXT))",
    )
    .pluck();
  const due = sql.prepare<[number, string | null], IntentRow>(
    `${SELECT_INTENT} WHERE i.kyc_resolves_at IS NOT NULL AND i.kyc_resolves_at <= ?
       AND i.client_id = COALESCE(CAST(? AS TEXT), i.client_id) ORDER BY i.kyc_resolves_at`,
  );
  // Visitor scope: only the intents that became one user.
  const dueOfUser = sql.prepare<[number, string], IntentRow>(
    `${SELECT_INTENT} WHERE i.kyc_resolves_at IS NOT NULL AND i.kyc_resolves_at <= ? AND i.user_id = ?
     ORDER BY i.kyc_resolves_at`,
  );
  const settle = sql.prepare<[string, string]>(
    "UPDATE user_intents SET status = ?, kyc_resolves_at = NULL WHERE id = ?",
  );
  const clearTimer = sql.prepare<[string]>("UPDATE user_intents SET kyc_resolves_at = NULL WHERE id = ?");

  const recentFromAddress = sql
    .prepare<[string, number], number>("SELECT COUNT(*) FROM user_intents WHERE address_key = ? AND created_at > ?")
    .pluck();

  const create = (
    clientId: string,
    input: UserIntentCreate,
    now: Date,
    stranger: Stranger | null,
  ): Promise<CreateIntentResult> =>
    sql.transaction(async (): Promise<CreateIntentResult> => {
      if (((await countForEmail.get(clientId, input.email)) ?? 0) >= MAX_INTENTS_PER_EMAIL)
        return { ok: false, reason: "email_limit" };
      if (stranger) {
        const { perIp, windowMs } = stranger.userLimits;
        if (((await recentFromAddress.get(stranger.key, now.getTime() - windowMs)) ?? 0) >= perIp) {
          throw new LimitReachedError(
            `This address made ${perIp} user intents within an hour; try again later.`,
            windowMs,
          );
        }
      }
      const kyc = decideKyc(input.ip_address, now);
      const id = newId();
      await sql
        .prepare(
          `INSERT INTO user_intents (id, client_id, email, phone, first_name, last_name, preferred_first_name,
         preferred_last_name, preferred_pronouns, address1, address2, city, state, postal_code, date_of_birth,
         ssn_last4, ip_address, kyc_type, status, kyc_outcome, kyc_resolves_at, metadata, created_at, address_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          clientId,
          input.email,
          input.phone.slice(-10),
          input.first_name,
          input.last_name,
          input.preferred_first_name ?? null,
          input.preferred_last_name ?? null,
          input.preferred_pronouns ?? null,
          input.address1,
          input.address2 ?? "",
          input.city,
          input.state,
          input.postal_code,
          input.date_of_birth ?? null,
          input.ssn?.slice(-4) ?? null,
          input.ip_address,
          input.kyc_type ?? "verified",
          kyc.status,
          kyc.outcome,
          kyc.resolvesAt?.getTime() ?? null,
          input.metadata === undefined ? null : JSON.stringify(input.metadata),
          now.getTime(),
          stranger?.key ?? null,
        );
      const intent = await selectIntent(sql, id);
      if (!intent) throw new Error("The user intent just inserted is missing.");
      return { ok: true, intent };
    });

  /** Pending intents (or the users they became) take their KYC outcome; returns the users that changed. */
  const resolve = (now: Date, clientId: string | null, userId: string | null) =>
    sql.transaction(async () => {
      let changed = 0;
      const users: string[] = [];
      const rows = userId === null ? due.all(now.getTime(), clientId) : dueOfUser.all(now.getTime(), userId);
      for (const intent of (await rows).map(toIntent)) {
        if (intent.status === "pending") {
          await settle.run(intent.kycOutcome, intent.id);
          await recordIntentUpdated(sql, intent, now);
          changed += 1;
          continue;
        }
        await clearTimer.run(intent.id);
        const user = intent.userId ? await selectUser(sql, intent.userId) : null;
        if (user?.status === "pending" && (await writeUserStatus(sql, user, intent.kycOutcome, now))) {
          changed += 1;
          users.push(user.id);
        }
      }
      return { changed, users };
    });

  const approve = (intent: UserIntentRecord, details: PersonalDetails | null, now: Date): Promise<void> =>
    sql.transaction(async () => {
      if (details) {
        await sql
          .prepare(
            `UPDATE user_intents SET address1 = ?, address2 = ?, city = ?, state = ?, postal_code = ?, date_of_birth = ?,
           ssn_last4 = ? WHERE id = ?`,
          )
          .run(
            details.address1,
            details.address2,
            details.city,
            details.state,
            details.postalCode,
            details.dateOfBirth,
            details.ssn.slice(-4),
            intent.id,
          );
      }
      await sql
        .prepare(
          "UPDATE user_intents SET status = 'approved', kyc_outcome = 'approved', kyc_resolves_at = NULL WHERE id = ?",
        )
        .run(intent.id);
      if (intent.status !== "approved") await recordIntentUpdated(sql, intent, now);
    });

  return {
    /** Creates an intent with its sandbox KYC decision; refuses a 4th intent for one email in one app. */
    /** With a stranger (visitor scope) the intent counts against their address; past its budget this throws. */
    async create(
      clientId: string,
      input: UserIntentCreate,
      now: Date,
      stranger: Stranger | null = null,
    ): Promise<CreateIntentResult> {
      return create(clientId, input, now, stranger);
    },
    /** Null when the intent does not exist or belongs to another app. */
    async findForClient(clientId: string, id: string): Promise<UserIntentRecord | null> {
      const intent = await selectIntent(sql, id);
      return intent?.clientId === clientId ? intent : null;
    },
    /** Approves an unconverted intent after the retry or photo-ID flow, recording `user_intent_updated`. */
    async approve(intent: UserIntentRecord, details: PersonalDetails | null, now: Date): Promise<void> {
      await approve(intent, details, now);
    },
    /** Resolves "pending" intents and users whose KYC time has come (only `clientId`'s, or `userId`'s, when given). */
    async resolveDue(now: Date, clientId: string | null = null, userId: string | null = null): Promise<number> {
      const { changed, users } = await resolve(now, clientId, userId);
      for (const userId of users) await routines.refreshForUser(userId, now);
      return changed;
    },
  };
}
