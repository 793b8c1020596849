// A user's email changes and their phone and address change requests, with Astra's limits per rolling window
// (https://docs.astra.finance/llms.txt: one phone change per 30 days, two address changes per 120 days, and the
// third email change in 365 days downgrades the user's capabilities).
import { newId } from "../lib/ids";
import { recordEvent } from "./events";
import type { Sql } from "./sql/port";
import { selectUser } from "./users";

const DAY_MS = 86_400_000;

export const CHANGE_LIMITS = {
  phone: { count: 1, days: 30 },
  address: { count: 2, days: 120 },
  email: { count: 2, days: 365 },
} as const;

export type ChangeKind = keyof typeof CHANGE_LIMITS;

export interface ChangeRecord {
  id: string;
  userId: string;
  kind: ChangeKind;
  details: Record<string, string>;
  status: "pending" | "approved" | "rejected";
  createdAt: Date;
}

interface ChangeRow {
  id: string;
  user_id: string;
  kind: ChangeKind;
  details: string;
  status: ChangeRecord["status"];
  created_at: number;
}

const toChange = (row: ChangeRow): ChangeRecord => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  details: JSON.parse(row.details) as Record<string, string>,
  status: row.status,
  createdAt: new Date(row.created_at),
});

export type RequestChangeResult =
  | { ok: true; change: ChangeRecord }
  | { ok: false; reason: "limit"; nextAllowed: Date }
  | { ok: false; reason: "not_found" };

export function createUserChangesStore(sql: Sql) {
  const recent = sql.prepare<[string, string, number], ChangeRow>(
    "SELECT * FROM user_changes WHERE user_id = ? AND kind = ? AND created_at > ? ORDER BY created_at, rowid",
  );
  const insert = sql.prepare(
    "INSERT INTO user_changes (id, user_id, kind, details, status, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  // Only the newest email changes matter (the downgrade counts those within 365 days): keep the rows bounded.
  const pruneEmails = sql.prepare<[string, string, number]>(
    `DELETE FROM user_changes WHERE user_id = ? AND kind = 'email' AND id NOT IN (SELECT id FROM user_changes
       WHERE user_id = ? AND kind = 'email' ORDER BY created_at DESC, rowid DESC LIMIT CAST(? AS BIGINT))`,
  );
  const list = sql.prepare<[string, string], ChangeRow>(
    "SELECT * FROM user_changes WHERE user_id = ? AND kind = ? ORDER BY created_at DESC, rowid DESC",
  );

  async function within(userId: string, kind: ChangeKind, now: Date): Promise<ChangeRow[]> {
    return recent.all(userId, kind, now.getTime() - CHANGE_LIMITS[kind].days * DAY_MS);
  }

  async function add(userId: string, kind: ChangeKind, details: Record<string, string>, now: Date) {
    const row: ChangeRow = {
      id: newId(),
      user_id: userId,
      kind,
      details: JSON.stringify(details),
      // An email change takes effect at once; phone and address requests wait for Astra's review.
      status: kind === "email" ? "approved" : "pending",
      created_at: now.getTime(),
    };
    await insert.run(row.id, row.user_id, row.kind, row.details, row.status, row.created_at);
    return toChange(row);
  }

  return {
    /** A phone or address change request, refused while the window's allowance is used up. */
    async request(
      userId: string,
      kind: "phone" | "address",
      details: Record<string, string>,
      now: Date,
    ): Promise<RequestChangeResult> {
      return sql.transaction(async (): Promise<RequestChangeResult> => {
        if (!(await selectUser(sql, userId))) return { ok: false, reason: "not_found" };
        const rows = await within(userId, kind, now);
        const limit = CHANGE_LIMITS[kind];
        if (rows.length >= limit.count) {
          const oldest = rows[rows.length - limit.count]!;
          return { ok: false, reason: "limit", nextAllowed: new Date(oldest.created_at + limit.days * DAY_MS) };
        }
        return { ok: true, change: await add(userId, kind, details, now) };
      });
    },
    async list(userId: string, kind: ChangeKind): Promise<ChangeRecord[]> {
      return (await list.all(userId, kind)).map(toChange);
    },
    /** Sets the email, records the change and `user_updated`; false when the user is gone. */
    async changeEmail(userId: string, email: string, now: Date): Promise<boolean> {
      return sql.transaction(async () => {
        const user = await selectUser(sql, userId);
        if (!user) return false;
        await sql.prepare("UPDATE users SET email = ? WHERE id = ?").run(email, userId);
        await add(userId, "email", { email }, now);
        await pruneEmails.run(userId, userId, CHANGE_LIMITS.email.count + 1);
        await recordEvent(sql, { clientId: user.clientId, type: "user_updated", userId, resourceId: userId }, now);
        return true;
      });
    },
    /** Email changes in the last 365 days beyond the two Astra allows before downgrading capabilities. */
    async emailChangesOverLimit(userId: string, now: Date): Promise<boolean> {
      return (await within(userId, "email", now)).length > CHANGE_LIMITS.email.count;
    },
  };
}
