// The hosted demo's visitors: a fresh test user per "Try the demo", with approved KYC and linked accounts, and
// everything scoped to one visitor (reset, the 24-hour cleanup). Visitors, and every other user a stranger makes in
// visitor scope, are rows of the `visitors` table next to their `users` row, so the per-address limit and the
// cleanup hold across every instance sharing the database.
import { randomInt } from "node:crypto";
import { addressKey } from "../lib/address-key";
import { hashSecret, newSecret } from "../lib/ids";
import { randomVisitorPhone } from "../lib/phone";
import { randomVisitorName } from "../lib/visitor-name";
import { insertAccount } from "./accounts";
import type { Sql } from "./sql/port";
import { insertUser, selectUser } from "./users";

export interface VisitorLimits {
  /** How many users one client address (its addressKey) may create per `windowMs`, by any path. */
  perIp: number;
  windowMs: number;
}

export type UserSlot = { ok: true } | { ok: false; reason: "rate_limited"; retryAt: Date };

/**
 * Whether the address `key` may create one more user now; call inside the transaction that creates it. Every path
 * that makes a user in visitor scope counts against the same budget, kept in the `visitors` table.
 */
export async function userSlotFor(sql: Sql, key: string, now: Date, limits: VisitorLimits): Promise<UserSlot> {
  const recent = await sql
    .prepare<[string, number], number>(
      "SELECT created_at FROM visitors WHERE client_ip = ? AND created_at > ? ORDER BY created_at",
    )
    .pluck()
    .all(key, now.getTime() - limits.windowMs);
  if (recent.length < limits.perIp) return { ok: true };
  const oldest = recent[recent.length - limits.perIp] ?? now.getTime();
  return { ok: false, reason: "rate_limited", retryAt: new Date(oldest + limits.windowMs) };
}

/** Records a user made in visitor scope, so it counts against its address and goes at the 24-hour cleanup. */
export async function recordStrangerUser(
  sql: Sql,
  user: { id: string; clientId: string },
  key: string,
  now: Date,
  kind: "visitor" | "module",
  tokenHash: string | null = null,
): Promise<void> {
  await sql
    .prepare<[string, string, string, number, string, string | null]>(
      "INSERT INTO visitors (user_id, client_id, client_ip, created_at, kind, token_hash) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(user.id, user.clientId, key, now.getTime(), kind, tokenHash);
}

export type CreateVisitorResult =
  /** `token` is the visitor's one-use sign-in secret; only its hash is stored. */
  | { ok: true; userId: string; phone: string; token: string; createdAt: Date }
  | { ok: false; reason: "rate_limited"; retryAt: Date };

/**
 * Draws before giving up on a free phone. Visitor phones are a billion numbers (lib/phone.ts), so even a store
 * holding a hundred million visitors fails one draw in ten, and all twenty once in 10^20 tries.
 */
const PHONE_ATTEMPTS = 20;

const visitorEmail = (phone: string) => `visitor-${phone.slice(-4)}@example.com`;

/** What a visitor starts with, and gets back on reset: two accounts at one bank and one at another. */
const VISITOR_ACCOUNTS = [
  {
    name: "Everyday Checking",
    officialName: "Redwood Everyday Checking",
    institution: "Redwood Community Bank",
    subtype: "checking",
    current: 245075,
    available: 231020,
  },
  {
    name: "High-Yield Savings",
    officialName: "Redwood High-Yield Savings",
    institution: "Redwood Community Bank",
    subtype: "savings",
    current: 1250000,
    available: 1250000,
  },
  {
    name: "Joint Checking",
    officialName: "Harbor Credit Union Joint Checking",
    institution: "Harbor Credit Union",
    subtype: "checking",
    current: 86240,
    available: 86240,
  },
] as const;

// Children before parents (foreign keys). user_clocks and visitors go with the user row (ON DELETE CASCADE).
// Scopes of the idempotency keys a user's token made are "user:<user>:<client> POST /path" (lib/idempotency.ts).
const WIPE_USER_DATA = [
  "DELETE FROM webhook_events WHERE user_id = @user",
  "DELETE FROM transfers WHERE user_id = @user",
  "DELETE FROM routines WHERE user_id = @user",
  "DELETE FROM accounts WHERE user_id = @user",
  "DELETE FROM cards WHERE user_id = @user",
  "DELETE FROM user_changes WHERE user_id = @user",
  "DELETE FROM faults WHERE user_id = @user",
  "DELETE FROM user_clocks WHERE user_id = @user",
  "DELETE FROM idempotency_keys WHERE substr(scope, 1, length(@prefix)) = @prefix",
];
// What else a user leaves behind, deleted with the user at the 24-hour cleanup.
const WIPE_USER = [
  ...WIPE_USER_DATA,
  "DELETE FROM token_grants WHERE user_id = @user",
  "DELETE FROM authorization_codes WHERE user_id = @user",
  "DELETE FROM access_tokens WHERE user_id = @user",
  "DELETE FROM refresh_tokens WHERE user_id = @user",
  "DELETE FROM module_sessions WHERE user_id = @user",
  "DELETE FROM user_intents WHERE user_id = @user",
  "DELETE FROM users WHERE id = @user",
];

type UserParams = { user: string; prefix: string };
const userParams = (userId: string): UserParams => ({ user: userId, prefix: `user:${userId}:` });

export function createVisitorsStore(sql: Sql) {
  const phoneTaken = sql
    .prepare<[string, string], number>("SELECT COUNT(*) FROM users WHERE client_id = ? AND phone = ?")
    .pluck();
  const byToken = sql
    .prepare<[string, string, number], string>(
      "SELECT user_id FROM visitors WHERE client_id = ? AND token_hash = ? AND created_at > ?",
    )
    .pluck();
  const spendToken = sql.prepare<[string, string]>(
    "UPDATE visitors SET token_hash = NULL WHERE user_id = ? AND token_hash = ?",
  );
  const restoreProfile = sql.prepare<[string, string]>(
    "UPDATE users SET status = 'approved', rejected_at_conversion = 0, email = ? WHERE id = ?",
  );
  const visitorOf = sql
    .prepare<[string, string], number>(
      "SELECT COUNT(*) FROM visitors WHERE client_id = ? AND user_id = ? AND kind = 'visitor'",
    )
    .pluck();
  const expired = sql
    .prepare<[number], string>("SELECT user_id FROM visitors WHERE created_at <= ? ORDER BY created_at")
    .pluck();
  // Intents strangers made (address_key set) that never became a user; converted ones go with their user.
  const expiredIntentEvents = sql.prepare<[number]>(
    `DELETE FROM webhook_events WHERE user_id IN
       (SELECT id FROM user_intents WHERE address_key IS NOT NULL AND created_at <= ? AND user_id IS NULL)`,
  );
  const expiredIntents = sql.prepare<[number]>(
    "DELETE FROM user_intents WHERE address_key IS NOT NULL AND created_at <= ? AND user_id IS NULL",
  );
  const wipeData = WIPE_USER_DATA.map((text) => sql.prepare<UserParams>(text));
  const wipeUser = WIPE_USER.map((text) => sql.prepare<UserParams>(text));

  async function seedAccounts(userId: string, now: Date): Promise<void> {
    const used = new Set<string>();
    for (const account of VISITOR_ACCOUNTS) {
      let mask = String(randomInt(1000, 10000));
      while (used.has(mask)) mask = String(randomInt(1000, 10000));
      used.add(mask);
      await insertAccount(
        sql,
        {
          userId,
          name: account.name,
          officialName: account.officialName,
          nickname: null,
          mask,
          institutionName: account.institution,
          institutionLogo: null,
          type: "depository",
          subtype: account.subtype,
          currentBalanceCents: account.current,
          availableBalanceCents: account.available,
          lastBalanceUpdateAt: now,
          connectionStatus: "connected",
        },
        now,
      );
    }
  }

  return {
    /**
     * A new approved test user of `clientId` with three linked accounts, unless `clientIp`'s address key made
     * `limits.perIp` users within the window. Counting and inserting share one transaction, so parallel requests on any
     * number of instances cannot slip past the limit.
     */
    async create(clientId: string, clientIp: string, now: Date, limits: VisitorLimits): Promise<CreateVisitorResult> {
      return sql.transaction(async (): Promise<CreateVisitorResult> => {
        const key = addressKey(clientIp);
        const slot = await userSlotFor(sql, key, now, limits);
        if (!slot.ok) return slot;
        let phone: string | null = null;
        for (let attempt = 0; attempt < PHONE_ATTEMPTS && phone === null; attempt += 1) {
          const candidate = randomVisitorPhone();
          if ((await phoneTaken.get(clientId, candidate)) === 0) phone = candidate;
        }
        if (phone === null) throw new Error(`No free visitor phone after ${PHONE_ATTEMPTS} draws`);
        const { id: userId } = await insertUser(
          sql,
          {
            clientId,
            phone,
            ...randomVisitorName(),
            email: visitorEmail(phone),
            status: "approved",
          },
          now,
        );
        await seedAccounts(userId, now);
        const token = newSecret(32);
        await recordStrangerUser(sql, { id: userId, clientId }, key, now, "visitor", hashSecret(token));
        return { ok: true, userId, phone, token, createdAt: now };
      });
    },
    /**
     * Spends a sign-in token of `clientId` that is unused and was made within `lifetimeMs`, and runs `signIn`
     * for its visitor in the same transaction: of two parallel uses exactly one signs in, and a `signIn` that
     * throws leaves the token unspent. Null when the token is not live.
     */
    async useToken<T>(
      clientId: string,
      token: string,
      now: Date,
      lifetimeMs: number,
      signIn: (userId: string) => Promise<T>,
    ): Promise<T | null> {
      const tokenHash = hashSecret(token);
      return sql.transaction(async () => {
        const userId = await byToken.get(clientId, tokenHash, now.getTime() - lifetimeMs);
        if (!userId) return null;
        const { changes } = await spendToken.run(userId, tokenHash);
        return changes === 1 ? signIn(userId) : null;
      });
    },
    /** True when `userId` is a visitor of `clientId` (made by `create` and not yet cleaned up). */
    async isVisitor(clientId: string, userId: string): Promise<boolean> {
      return ((await visitorOf.get(clientId, userId)) ?? 0) > 0;
    },
    /**
     * One user's sandbox data back to a visitor's start: their routines, transfers, cards, change requests,
     * webhook events, faults and clock go, the three accounts are seeded again, KYC is approved and the email is
     * the first one again. The user, their sign-in and their tokens stay, so the visitor is still signed in.
     * Nobody else's data is touched.
     */
    async resetUser(userId: string, now: Date): Promise<void> {
      await sql.transaction(async () => {
        for (const wipe of wipeData) await wipe.run(userParams(userId));
        const user = await selectUser(sql, userId);
        if (user) await restoreProfile.run(visitorEmail(user.phone), userId);
        await seedAccounts(userId, now);
      });
    },
    /** Deletes every visitor created at or before `cutoff`, with all their data; returns how many. */
    async deleteCreatedBefore(cutoff: Date): Promise<number> {
      await expiredIntentEvents.run(cutoff.getTime());
      await expiredIntents.run(cutoff.getTime());
      const userIds = await expired.all(cutoff.getTime());
      // One transaction per visitor, so a huge backlog never holds the write lock for long.
      for (const userId of userIds) {
        await sql.transaction(async () => {
          for (const wipe of wipeUser) await wipe.run(userParams(userId));
        });
      }
      return userIds.length;
    },
  };
}
