// Linked bank accounts. Balances are kept in integer cents and returned as dollars by the routes.
import type { Database } from "better-sqlite3";
import { newId } from "../lib/ids";
import type { Page, PageRequest } from "../lib/pagination";

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
  createdAt: Date;
}

export type NewAccount = Omit<AccountRecord, "id" | "createdAt">;

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
  createdAt: new Date(row.created_at),
});

export function insertAccount(db: Database, account: NewAccount, now: Date): AccountRecord {
  const id = newId();
  db.prepare(
    `INSERT INTO accounts (id, user_id, name, official_name, nickname, mask, institution_name, institution_logo,
       type, subtype, current_balance_cents, available_balance_cents, last_balance_update_at, connection_status,
       created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
    now.getTime(),
  );
  return { ...account, id, createdAt: now };
}

export function createAccountsStore(db: Database) {
  // rowid breaks ties between accounts created in the same millisecond, keeping "newest first" stable.
  const forUser = db.prepare<[string, number, number], AccountRow>(
    "SELECT * FROM accounts WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
  );
  const countForUser = db.prepare<[string], number>("SELECT COUNT(*) FROM accounts WHERE user_id = ?").pluck();
  const oneForUser = db.prepare<[string, string], AccountRow>("SELECT * FROM accounts WHERE id = ? AND user_id = ?");
  return {
    async listForUser(userId: string, page: PageRequest): Promise<Page<AccountRecord>> {
      const read = db.transaction(() => ({
        total: countForUser.get(userId) ?? 0,
        items: forUser.all(userId, page.pageSize, page.offset).map(toAccount),
      }));
      return read();
    },
    /** Null when the account does not exist or belongs to someone else. */
    async findForUser(userId: string, accountId: string): Promise<AccountRecord | null> {
      const row = oneForUser.get(accountId, userId);
      return row ? toAccount(row) : null;
    },
    async create(account: NewAccount, now: Date): Promise<AccountRecord> {
      return insertAccount(db, account, now);
    },
  };
}
