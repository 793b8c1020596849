// End users of Astra, identified in the module by their 10-digit US phone number.
import type { Database } from "better-sqlite3";
import type { UserStatus } from "../../../lib/astra/schemas";
import { newId } from "../lib/ids";

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
  createdAt: Date;
}

export type NewUser = Omit<UserRecord, "id" | "createdAt">;

interface UserRow {
  id: string;
  client_id: string;
  phone: string;
  first_name: string;
  last_name: string;
  email: string;
  status: UserStatus;
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
  createdAt: new Date(row.created_at),
});

export function insertUser(db: Database, user: NewUser, now: Date): UserRecord {
  const id = newId();
  db.prepare(
    `INSERT INTO users (id, client_id, phone, first_name, last_name, email, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, user.clientId, user.phone, user.firstName, user.lastName, user.email, user.status, now.getTime());
  return { ...user, id, createdAt: now };
}

export function selectUserByPhone(db: Database, clientId: string, phone: string): UserRecord | null {
  const row = db
    .prepare<[string, string], UserRow>("SELECT * FROM users WHERE client_id = ? AND phone = ?")
    .get(clientId, phone);
  return row ? toUser(row) : null;
}

export function createUsersStore(db: Database) {
  const byId = db.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?");
  return {
    async findById(id: string): Promise<UserRecord | null> {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    async findByPhone(clientId: string, phone: string): Promise<UserRecord | null> {
      return selectUserByPhone(db, clientId, phone);
    },
    async create(user: NewUser, now: Date): Promise<UserRecord> {
      return insertUser(db, user, now);
    },
  };
}
