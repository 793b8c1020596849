// End users of Astra, identified in the module by their 10-digit US phone number.
import type { UserStatus } from "../wire-schemas";
import { newId } from "../lib/ids";
import { recordEvent } from "./events";
import type { Sql } from "./sql/port";

export type KycType = "verified" | "unverified" | "receive-only";

export interface UserRecord {
  id: string;
  /** The developer app this user belongs to. */
  clientId: string;
  /** 10 digits, no country code. */
  phone: string;
  firstName: string;
  lastName: string;
  email: string;
  status: UserStatus;
  kycType: KycType;
  /** The user intent this user was converted from, if any. */
  userIntentId: string | null;
  /**
   * Rejected ever since the user was created: Astra lets such a user authenticate but not authorize. A user
   * rejected later may authorize and link accounts, but not start routines (user-statuses page).
   */
  rejectedAtConversion: boolean;
  createdAt: Date;
}

export type NewUser = Omit<UserRecord, "id" | "createdAt" | "kycType" | "userIntentId" | "rejectedAtConversion"> &
  Partial<Pick<UserRecord, "kycType" | "userIntentId">>;

interface UserRow {
  id: string;
  client_id: string;
  phone: string;
  first_name: string;
  last_name: string;
  email: string;
  status: UserStatus;
  kyc_type: KycType;
  user_intent_id: string | null;
  rejected_at_conversion: number;
  created_at: number;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  clientId: row.client_id,
  phone: row.phone,
  firstName: row.first_name,
  lastName: row.last_name,
  email: row.email,
  status: row.status,
  kycType: row.kyc_type,
  userIntentId: row.user_intent_id,
  rejectedAtConversion: row.rejected_at_conversion === 1,
  createdAt: new Date(row.created_at),
});

export async function insertUser(sql: Sql, user: NewUser, now: Date): Promise<UserRecord> {
  const record: UserRecord = {
    kycType: "verified",
    userIntentId: null,
    ...user,
    rejectedAtConversion: user.status === "rejected",
    id: newId(),
    createdAt: now,
  };
  await sql
    .prepare(
      `INSERT INTO users (id, client_id, phone, first_name, last_name, email, status, kyc_type, user_intent_id,
       rejected_at_conversion, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.id,
      record.clientId,
      record.phone,
      record.firstName,
      record.lastName,
      record.email,
      record.status,
      record.kycType,
      record.userIntentId,
      record.rejectedAtConversion ? 1 : 0,
      now.getTime(),
    );
  return record;
}

export async function selectUserByPhone(sql: Sql, clientId: string, phone: string): Promise<UserRecord | null> {
  const row = await sql
    .prepare<[string, string], UserRow>("SELECT * FROM users WHERE client_id = ? AND phone = ?")
    .get(clientId, phone);
  return row ? toUser(row) : null;
}

export async function selectUser(sql: Sql, id: string): Promise<UserRecord | null> {
  const row = await sql.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?").get(id);
  return row ? toUser(row) : null;
}

/** Sets the status and records `user_updated`; call inside the caller's transaction. False if unchanged. */
export async function writeUserStatus(sql: Sql, user: UserRecord, status: UserStatus, now: Date): Promise<boolean> {
  if (user.status === status) return false;
  // Any change after creation ends "rejected at conversion": a later rejection only stops routines.
  await sql.prepare("UPDATE users SET status = ?, rejected_at_conversion = 0 WHERE id = ?").run(status, user.id);
  await recordEvent(sql, { clientId: user.clientId, type: "user_updated", userId: user.id, resourceId: user.id }, now);
  return true;
}

export function createUsersStore(sql: Sql) {
  return {
    async findById(id: string): Promise<UserRecord | null> {
      return selectUser(sql, id);
    },
    /** Null when the user does not exist or belongs to another app. */
    async findForClient(clientId: string, id: string): Promise<UserRecord | null> {
      const user = await selectUser(sql, id);
      return user?.clientId === clientId ? user : null;
    },
    async findByPhone(clientId: string, phone: string): Promise<UserRecord | null> {
      return selectUserByPhone(sql, clientId, phone);
    },
    async create(user: NewUser, now: Date): Promise<UserRecord> {
      return insertUser(sql, user, now);
    },
    /**
     * Changes a user's status and records `user_updated` (only when it really changes), in one transaction.
     * Callers then run `store.routines.refreshForUser`, which lives outside this transaction.
     */
    async updateStatus(userId: string, status: UserStatus, now: Date): Promise<UserRecord | null> {
      return sql.transaction(async () => {
        const user = await selectUser(sql, userId);
        if (!user) return null;
        const changed = await writeUserStatus(sql, user, status, now);
        return changed ? { ...user, status, rejectedAtConversion: false } : user;
      });
    },
  };
}
