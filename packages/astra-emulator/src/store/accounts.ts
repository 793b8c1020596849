// Linked bank accounts. Balances are kept in integer cents and returned as dollars by the routes.
import { newId } from "../lib/ids";
import type { Page, PageRequest } from "../lib/pagination";
import type { Sql } from "./sql/port";

export interface AccountRecord {
  id: string;
  userId: string;
  name: string;
  officialName: string | null;
  nickname: string | null;
  mask: string;
  institutionName: string;
  institutionLogo: string | null;
  type: string;
  subtype: string;
  currentBalanceCents: number | null;
  availableBalanceCents: number | null;
  lastBalanceUpdateAt: Date | null;
  connectionStatus: string;
  /** Set for accounts added by account and routing number (POST /v1/accounts/create). */
  routingNumber: string | null;
  createdAt: Date;
}

export type NewAccount = Omit<AccountRecord, "id" | "createdAt" | "routingNumber"> &
  Partial<Pick<AccountRecord, "routingNumber">>;

/** A sandbox bank's account as chosen on /institutions/connect. */
export type InstitutionAccount = Pick<
  AccountRecord,
  "name" | "officialName" | "mask" | "subtype" | "currentBalanceCents" | "availableBalanceCents"
>;

export type RemoveResult = "removed" | "not_found" | "in_use";

/** Routine statuses that still move money or may again; an account they use cannot be removed. */
const FINISHED_ROUTINE_STATUSES = ["cancelled", "failed", "completed"];

interface AccountRow {
  id: string;
  user_id: string;
  name: string;
  official_name: string | null;
  nickname: string | null;
  mask: string;
  institution_name: string;
  institution_logo: string | null;
  type: string;
  subtype: string;
  current_balance_cents: number | null;
  available_balance_cents: number | null;
  last_balance_update_at: number | null;
  connection_status: string;
  routing_number: string | null;
  created_at: number;
}

const toAccount = (row: AccountRow): AccountRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  officialName: row.official_name,
  nickname: row.nickname,
  mask: row.mask,
  institutionName: row.institution_name,
  institutionLogo: row.institution_logo,
  type: row.type,
  subtype: row.subtype,
  currentBalanceCents: row.current_balance_cents,
  availableBalanceCents: row.available_balance_cents,
  lastBalanceUpdateAt: row.last_balance_update_at === null ? null : new Date(row.last_balance_update_at),
  connectionStatus: row.connection_status,
  routingNumber: row.routing_number,
  createdAt: new Date(row.created_at),
});

export async function insertAccount(sql: Sql, account: NewAccount, now: Date): Promise<AccountRecord> {
  const id = newId();
  await sql
    .prepare(
      `INSERT INTO accounts (id, user_id, name, official_name, nickname, mask, institution_name, institution_logo,
       type, subtype, current_balance_cents, available_balance_cents, last_balance_update_at, connection_status,
       routing_number, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      account.userId,
      account.name,
      account.officialName,
      account.nickname,
      account.mask,
      account.institutionName,
      account.institutionLogo,
      account.type,
      account.subtype,
      account.currentBalanceCents,
      account.availableBalanceCents,
      account.lastBalanceUpdateAt?.getTime() ?? null,
      account.connectionStatus,
      account.routingNumber ?? null,
      now.getTime(),
    );
  return { ...account, routingNumber: account.routingNumber ?? null, id, createdAt: now };
}

export function createAccountsStore(sql: Sql) {
  // rowid breaks ties between accounts created in the same millisecond, keeping "newest first" stable.
  const forUser = sql.prepare<[string, number, number], AccountRow>(
    `SELECT * FROM accounts WHERE user_id = ? ORDER BY created_at DESC, rowid DESC
     LIMIT CAST(? AS BIGINT) OFFSET CAST(? AS BIGINT)`,
  );
  const countForUser = sql.prepare<[string], number>("SELECT COUNT(*) FROM accounts WHERE user_id = ?").pluck();
  const oneForUser = sql.prepare<[string, string], AccountRow>("SELECT * FROM accounts WHERE id = ? AND user_id = ?");
  const sameBankAccount = sql.prepare<[string, string, string], AccountRow>(
    "SELECT * FROM accounts WHERE user_id = ? AND institution_name = ? AND mask = ? AND routing_number IS NULL",
  );
  const sameNumber = sql
    .prepare<[string, string, string], number>(
      "SELECT COUNT(*) FROM accounts WHERE user_id = ? AND routing_number = ? AND account_number = ?",
    )
    .pluck();
  const setAccountNumber = sql.prepare<[string, string]>("UPDATE accounts SET account_number = ? WHERE id = ?");
  const usedByRoutine = sql
    .prepare<[string, string], number>(
      `SELECT COUNT(*) FROM routines WHERE (source_id = ? OR destination_id = ?)
         AND status NOT IN (${FINISHED_ROUTINE_STATUSES.map((status) => `'${status}'`).join(", ")})`,
    )
    .pluck();
  const usedByPendingTransfer = sql
    .prepare<[string, string], number>(
      "SELECT COUNT(*) FROM transfers WHERE (source_id = ? OR destination_id = ?) AND status = 'pending'",
    )
    .pluck();
  const deleteAccount = sql.prepare<[string]>("DELETE FROM accounts WHERE id = ?");
  const refreshBalances = sql.prepare<[number | null, number | null, number, string]>(
    `UPDATE accounts SET current_balance_cents = ?, available_balance_cents = ?, last_balance_update_at = ?,
       connection_status = 'connected' WHERE id = ?`,
  );

  return {
    async listForUser(userId: string, page: PageRequest): Promise<Page<AccountRecord>> {
      return sql.transaction(async () => ({
        total: (await countForUser.get(userId)) ?? 0,
        items: (await forUser.all(userId, page.pageSize, page.offset)).map(toAccount),
      }));
    },
    /** Null when the account does not exist or belongs to someone else. */
    async findForUser(userId: string, accountId: string): Promise<AccountRecord | null> {
      const row = await oneForUser.get(accountId, userId);
      return row ? toAccount(row) : null;
    },
    async create(account: NewAccount, now: Date): Promise<AccountRecord> {
      return insertAccount(sql, account, now);
    },
    /** POST /v1/accounts/create: null when this user already has the account (same routing and number). */
    async createByNumber(
      account: NewAccount & { routingNumber: string },
      accountNumber: string,
      now: Date,
    ): Promise<AccountRecord | null> {
      return sql.transaction(async () => {
        if (((await sameNumber.get(account.userId, account.routingNumber, accountNumber)) ?? 0) > 0) return null;
        const record = await insertAccount(sql, account, now);
        await setAccountNumber.run(accountNumber, record.id);
        return record;
      });
    },
    /**
     * Links the chosen accounts of a sandbox bank in one transaction; returns them, new or refreshed. An account
     * of the same bank and mask is the same account: linking it again refreshes it instead.
     */
    async linkFromInstitution(
      userId: string,
      bank: { name: string; logo: string | null },
      chosen: InstitutionAccount[],
      now: Date,
    ): Promise<AccountRecord[]> {
      return sql.transaction(async () => {
        const linked: AccountRecord[] = [];
        for (const account of chosen) {
          const existing = await sameBankAccount.get(userId, bank.name, account.mask);
          if (!existing) {
            linked.push(
              await insertAccount(
                sql,
                {
                  ...account,
                  userId,
                  nickname: null,
                  institutionName: bank.name,
                  institutionLogo: bank.logo,
                  type: "depository",
                  lastBalanceUpdateAt: now,
                  connectionStatus: "connected",
                },
                now,
              ),
            );
            continue;
          }
          await refreshBalances.run(
            account.currentBalanceCents,
            account.availableBalanceCents,
            now.getTime(),
            existing.id,
          );
          linked.push(
            toAccount({
              ...existing,
              current_balance_cents: account.currentBalanceCents,
              available_balance_cents: account.availableBalanceCents,
              last_balance_update_at: now.getTime(),
              connection_status: "connected",
            }),
          );
        }
        return linked;
      });
    },
    /** Deletes a user's account unless a routine that is not finished, or a pending transfer, still uses it. */
    async removeForUser(userId: string, accountId: string): Promise<RemoveResult> {
      return sql.transaction(async () => {
        if (!(await oneForUser.get(accountId, userId))) return "not_found";
        const routines = (await usedByRoutine.get(accountId, accountId)) ?? 0;
        if (routines > 0 || ((await usedByPendingTransfer.get(accountId, accountId)) ?? 0) > 0) return "in_use";
        await deleteAccount.run(accountId);
        return "removed";
      });
    },
  };
}
