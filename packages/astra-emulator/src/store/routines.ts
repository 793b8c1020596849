// Routines: one-time and recurring transfers between a user's accounts, and the statuses that gate them.
import type { z } from "zod";
import type { paymentTypeSchema, RoutineFrequency, RoutineStatus, routineTypeSchema } from "../wire-schemas";
import type { SettlementSpeed } from "../lib/business-days";
import { newId } from "../lib/ids";
import type { Page, PageRequest } from "../lib/pagination";
import { firstOccurrenceFrom, localDate } from "../lib/schedule";
import { recordEvent } from "./events";
import type { Sql } from "./sql/port";
import { transferOperations } from "./transfers";

export type RoutineType = z.infer<typeof routineTypeSchema>;
export type PaymentType = z.infer<typeof paymentTypeSchema>;

export interface RoutineRecord {
  id: string;
  clientId: string;
  userId: string;
  type: RoutineType;
  name: string;
  paymentType: PaymentType;
  sourceId: string;
  destinationId: string;
  destinationUserId: string | null;
  amountCents: number;
  /** YYYY-MM-DD in America/Los_Angeles. */
  startDate: string;
  settlementSpeed: SettlementSpeed;
  frequency: RoutineFrequency | null;
  clientCorrelationId: string | null;
  /** Debit routines: the fee in hundredths of a percent. */
  debitFeeBps: number | null;
  status: RoutineStatus;
  /** The next date a transfer is due; null once a one-time routine ran or a routine was cancelled. */
  nextRunDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRoutine = Omit<RoutineRecord, "id" | "status" | "nextRunDate" | "createdAt" | "updatedAt">;

/** What PUT may change; amount, start date and frequency are fixed at creation (Astra's knowledge base). */
export interface RoutineChanges {
  name?: string;
  status?: "active" | "inactive";
  settlementSpeed?: SettlementSpeed;
  clientCorrelationId?: string;
  destinationUserId?: string | null;
}

export type UpdateResult =
  | { ok: true; routine: RoutineRecord }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "final" | "already_ran" | "not_pausable" | "not_resumable"; status: RoutineStatus };

export type CancelRoutineResult = { ok: true } | { ok: false; reason: "not_found" | "one_time" };

export interface RoutineRow {
  id: string;
  client_id: string;
  user_id: string;
  type: RoutineType;
  name: string;
  payment_type: PaymentType;
  source_id: string;
  destination_id: string;
  destination_user_id: string | null;
  amount_cents: number;
  start_date: string;
  settlement_speed: SettlementSpeed;
  frequency: RoutineFrequency | null;
  client_correlation_id: string | null;
  debit_fee_bps: number | null;
  status: RoutineStatus;
  next_run_date: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export const toRoutine = (row: RoutineRow): RoutineRecord => ({
  id: row.id,
  clientId: row.client_id,
  userId: row.user_id,
  type: row.type,
  name: row.name,
  paymentType: row.payment_type,
  sourceId: row.source_id,
  destinationId: row.destination_id,
  destinationUserId: row.destination_user_id,
  amountCents: row.amount_cents,
  startDate: row.start_date,
  settlementSpeed: row.settlement_speed,
  frequency: row.frequency,
  clientCorrelationId: row.client_correlation_id,
  debitFeeBps: row.debit_fee_bps,
  status: row.status,
  nextRunDate: row.next_run_date,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const FINAL: readonly RoutineStatus[] = ["cancelled", "completed", "failed"];
/** Statuses the emulator derives from the user's and the accounts' state (as opposed to a person's choice). */
const DERIVED = "('requires_user_verification', 'pending_account_authorization', 'user_suspended', 'active')";

export function createRoutinesStore(sql: Sql) {
  const transfers = transferOperations(sql);
  const userStatus = sql.prepare<[string], string>("SELECT status FROM users WHERE id = ?").pluck();
  // A linked card counts as connected while it is approved.
  const connection = sql
    .prepare<[string, string, string, string], string>(
      `SELECT connection_status FROM accounts WHERE id = ? AND user_id = ?
       UNION ALL SELECT CASE WHEN status = 'approved' THEN 'connected' ELSE status END FROM cards
       WHERE id = ? AND user_id = ?`,
    )
    .pluck();
  // A deleted routine is gone for the API; only its transfers (and the scheduler's bookkeeping) still see it.
  const byId = sql.prepare<[string], RoutineRow>("SELECT * FROM routines WHERE id = ? AND deleted_at IS NULL");
  const insert = sql.prepare(
    `INSERT INTO routines (id, client_id, user_id, type, name, payment_type, source_id, destination_id,
       destination_user_id, amount_cents, start_date, settlement_speed, frequency, client_correlation_id,
       debit_fee_bps, status, next_run_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const list = sql.prepare<Record<string, unknown>, RoutineRow>(
    `SELECT * FROM routines WHERE user_id = @userId AND deleted_at IS NULL
       AND (CAST(@status AS TEXT) IS NULL OR status = @status)
     ORDER BY created_at DESC, rowid DESC LIMIT CAST(@limit AS BIGINT) OFFSET CAST(@offset AS BIGINT)`,
  );
  const count = sql
    .prepare<Record<string, unknown>, number>(
      `SELECT COUNT(*) FROM routines WHERE user_id = @userId AND deleted_at IS NULL
         AND (CAST(@status AS TEXT) IS NULL OR status = @status)`,
    )
    .pluck();
  const derivedForUser = sql.prepare<[string], RoutineRow>(
    `SELECT * FROM routines WHERE user_id = ? AND deleted_at IS NULL AND status IN ${DERIVED} ORDER BY created_at`,
  );
  // Stored as cancelled too, so every "is this routine finished?" check (accounts in use, the scheduler) agrees.
  const remove = sql.prepare<[number, number, string]>(
    "UPDATE routines SET status = 'cancelled', next_run_date = NULL, updated_at = ?, deleted_at = ? WHERE id = ?",
  );
  const save = sql.prepare(
    `UPDATE routines SET name = ?, amount_cents = ?, status = ?, next_run_date = ?, settlement_speed = ?,
       client_correlation_id = ?, destination_user_id = ?, updated_at = ? WHERE id = ?`,
  );

  /** What the routine's status would be now, from its user's KYC status and its accounts' authorization. */
  async function derivedStatus(userId: string, sourceId: string, destinationId: string): Promise<RoutineStatus> {
    const status = await userStatus.get(userId);
    if (status === "suspended") return "user_suspended";
    if (status !== "approved") return "requires_user_verification";
    let connected = true;
    for (const id of [sourceId, destinationId]) {
      if ((await connection.get(id, userId, id, userId)) !== "connected") {
        connected = false;
        break;
      }
    }
    return connected ? "active" : "pending_account_authorization";
  }

  /** Where a routine that (re)becomes active picks up: runs missed while it was not active are skipped. */
  function resumeDate(row: RoutineRow, today: string): string | null {
    if (row.type === "one-time") {
      if (row.next_run_date === null) return null;
      return row.start_date > today ? row.start_date : today;
    }
    return row.frequency ? firstOccurrenceFrom(row.start_date, row.frequency, today) : null;
  }

  async function write(row: RoutineRow, now: Date): Promise<RoutineRecord> {
    await save.run(
      row.name,
      row.amount_cents,
      row.status,
      row.next_run_date,
      row.settlement_speed,
      row.client_correlation_id,
      row.destination_user_id,
      now.getTime(),
      row.id,
    );
    return toRoutine({ ...row, updated_at: now.getTime() });
  }

  async function announce(row: RoutineRow, now: Date): Promise<void> {
    const event = {
      clientId: row.client_id,
      type: "routine_updated",
      userId: row.user_id,
      resourceId: row.id,
    } as const;
    await recordEvent(sql, event, now);
  }

  /** Makes the transfers an active routine owes today, then returns the routine as stored. */
  async function runIfDue(id: string, now: Date): Promise<RoutineRecord> {
    const row = await byId.get(id);
    if (!row) throw new Error(`Routine ${id} vanished inside its own transaction`);
    const routine = toRoutine(row);
    if (routine.status !== "active" || routine.nextRunDate === null) return routine;
    await transfers.makeDueTransfers(routine, localDate(now), now);
    const after = await byId.get(id);
    return after ? toRoutine(after) : routine;
  }

  const create = (routine: NewRoutine, now: Date): Promise<RoutineRecord> =>
    sql.transaction(async () => {
      const id = newId();
      const status = await derivedStatus(routine.userId, routine.sourceId, routine.destinationId);
      await insert.run(
        id,
        routine.clientId,
        routine.userId,
        routine.type,
        routine.name,
        routine.paymentType,
        routine.sourceId,
        routine.destinationId,
        routine.destinationUserId,
        routine.amountCents,
        routine.startDate,
        routine.settlementSpeed,
        routine.frequency,
        routine.clientCorrelationId,
        routine.debitFeeBps,
        status,
        routine.startDate,
        now.getTime(),
        now.getTime(),
      );
      return runIfDue(id, now);
    });

  const update = (userId: string, id: string, changes: RoutineChanges, now: Date): Promise<UpdateResult> =>
    sql.transaction(async (): Promise<UpdateResult> => {
      const row = await byId.get(id);
      if (!row || row.user_id !== userId) return { ok: false, reason: "not_found" };
      if (FINAL.includes(row.status)) return { ok: false, reason: "final", status: row.status };
      const statusChange = changes.status !== undefined && changes.status !== row.status;
      if (row.type === "one-time" && row.next_run_date === null && statusChange) {
        return { ok: false, reason: "already_ran", status: row.status };
      }
      const next: RoutineRow = {
        ...row,
        name: changes.name ?? row.name,
        settlement_speed: changes.settlementSpeed ?? row.settlement_speed,
        client_correlation_id: changes.clientCorrelationId ?? row.client_correlation_id,
        destination_user_id:
          changes.destinationUserId === undefined ? row.destination_user_id : changes.destinationUserId,
      };
      if (statusChange) {
        if (changes.status === "inactive") {
          if (row.status !== "active") return { ok: false, reason: "not_pausable", status: row.status };
          next.status = "inactive";
        } else {
          if (row.status !== "inactive") return { ok: false, reason: "not_resumable", status: row.status };
          next.status = await derivedStatus(row.user_id, row.source_id, row.destination_id);
          if (next.status === "active") next.next_run_date = resumeDate(row, localDate(now));
        }
      }
      await write(next, now);
      if (next.status !== row.status) await announce(next, now);
      return { ok: true, routine: await runIfDue(id, now) };
    });

  const cancel = (userId: string, id: string, now: Date): Promise<CancelRoutineResult> =>
    sql.transaction(async (): Promise<CancelRoutineResult> => {
      const row = await byId.get(id);
      if (!row || row.user_id !== userId) return { ok: false, reason: "not_found" };
      if (row.type === "one-time") return { ok: false, reason: "one_time" };
      await remove.run(now.getTime(), now.getTime(), id);
      await announce(row, now);
      return { ok: true };
    });

  const refresh = (userId: string, now: Date): Promise<number> =>
    sql.transaction(async () => {
      let changed = 0;
      const today = localDate(now);
      for (const row of await derivedForUser.all(userId)) {
        // A one-time routine that already ran is settled by its transfer; a suspended one never comes back.
        if (row.type === "one-time" && (row.next_run_date === null || row.status === "user_suspended")) continue;
        const status = await derivedStatus(row.user_id, row.source_id, row.destination_id);
        if (status === row.status) continue;
        const nextRunDate = status === "active" ? resumeDate(row, today) : row.next_run_date;
        await write({ ...row, status, next_run_date: nextRunDate }, now);
        await announce(row, now);
        changed += 1;
      }
      return changed;
    });

  return {
    /** Creates a routine with the status its user and accounts allow; if it is due today, its transfer too. */
    async create(routine: NewRoutine, now: Date): Promise<RoutineRecord> {
      return create(routine, now);
    },
    async listForUser(userId: string, page: PageRequest, status?: RoutineStatus): Promise<Page<RoutineRecord>> {
      const params = { userId, status: status ?? null };
      // One transaction, so the total and the page are read from the same state.
      return sql.transaction(async () => ({
        total: (await count.get(params)) ?? 0,
        items: (await list.all({ ...params, limit: page.pageSize, offset: page.offset })).map(toRoutine),
      }));
    },
    /** Null when the routine does not exist or belongs to someone else. */
    async findForUser(userId: string, id: string): Promise<RoutineRecord | null> {
      const row = await byId.get(id);
      return row && row.user_id === userId ? toRoutine(row) : null;
    },
    /** Renames, pauses (`inactive`) or resumes (`active`) a routine that is not final. */
    async update(userId: string, id: string, changes: RoutineChanges, now: Date): Promise<UpdateResult> {
      return update(userId, id, changes, now);
    },
    /**
     * DELETE: Astra "removes" the routine, and "deleting a routine does not prevent it from processing": it
     * leaves the API (404 from then on) and makes no new transfers; transfers already made carry on.
     */
    async cancel(userId: string, id: string, now: Date): Promise<CancelRoutineResult> {
      return cancel(userId, id, now);
    },
    /** Recomputes the status of a user's routines after the user or an account changed; returns how many changed. */
    async refreshForUser(userId: string, now: Date): Promise<number> {
      return refresh(userId, now);
    },
  };
}
