// Transfers: the money movements routines make. Holds, settlement and cancellation move account balances
// in the same transaction as the status change and its webhook event.
import type { z } from "zod";
import type {
  paymentTypeSchema,
  RoutineFrequency,
  routineTypeSchema,
  TransferStatus,
  WebhookType,
} from "../wire-schemas";
import { cancelDeadline, estimatedClearing, type SettlementSpeed } from "../lib/business-days";
import { newId } from "../lib/ids";
import type { Page, PageRequest } from "../lib/pagination";
import { localDate, localTimeOfDay, nextOccurrence, zonedInstant } from "../lib/schedule";
import { recordEvent } from "./events";
import type { Sql } from "./sql/port";

type RoutineType = z.infer<typeof routineTypeSchema>;

/**
 * What a routine must tell this module to make its transfers. Owned here, so transfers never import the
 * routines store that drives them (a routine record satisfies it as it is).
 */
export interface DueRoutine {
  id: string;
  clientId: string;
  userId: string;
  sourceId: string;
  destinationId: string;
  amountCents: number;
  /** YYYY-MM-DD in America/Los_Angeles; recurring dates count from it. */
  startDate: string;
  settlementSpeed: SettlementSpeed;
  frequency: RoutineFrequency | null;
  /** The next date a transfer is due; null when none is. */
  nextRunDate: string | null;
}

export interface TransferRecord {
  id: string;
  routineId: string;
  routineName: string;
  routineType: RoutineType;
  paymentType: z.infer<typeof paymentTypeSchema>;
  clientCorrelationId: string | null;
  destinationUserId: string | null;
  userId: string;
  clientId: string;
  sourceId: string;
  destinationId: string;
  amountCents: number;
  status: TransferStatus;
  /** Only set once the transfer failed. */
  failureReason: string | null;
  astraSettlementReason: string | null;
  /** The routine date (YYYY-MM-DD, Los Angeles) this transfer is for. */
  scheduledDate: string;
  initiatedAt: Date;
  updatedAt: Date;
  estimatedClearingAt: Date;
}

export interface TransferFilter {
  status?: TransferStatus;
  routineId?: string;
}

export type CancelResult =
  { ok: true; transfer: TransferRecord } | { ok: false; reason: "not_found" | "not_pending" | "too_late" };

interface TransferRow {
  id: string;
  routine_id: string;
  routine_name: string;
  routine_type: RoutineType;
  payment_type: z.infer<typeof paymentTypeSchema>;
  client_correlation_id: string | null;
  destination_user_id: string | null;
  user_id: string;
  client_id: string;
  source_id: string;
  destination_id: string;
  amount_cents: number;
  status: TransferStatus;
  failure_reason: string | null;
  astra_settlement_reason: string | null;
  scheduled_date: string;
  initiated_at: number;
  updated_at: number;
  estimated_clearing_at: number;
}

/** Sandbox amounts that fail at settlement with an ACH return code (packages/astra-emulator/docs/money-movement.md). */
export const MAGIC_FAILURES: Readonly<Record<number, string>> = {
  1313: "R01: Insufficient funds",
  1314: "R02: Account closed",
  1316: "R16: Account frozen",
};
const INSUFFICIENT_FUNDS = "R01: Insufficient funds";

// The outcome is decided at initiation and kept in failure_reason, but only shown once the transfer failed.
const toTransfer = (row: TransferRow): TransferRecord => ({
  id: row.id,
  routineId: row.routine_id,
  routineName: row.routine_name,
  routineType: row.routine_type,
  paymentType: row.payment_type,
  clientCorrelationId: row.client_correlation_id,
  destinationUserId: row.destination_user_id,
  userId: row.user_id,
  clientId: row.client_id,
  sourceId: row.source_id,
  destinationId: row.destination_id,
  amountCents: row.amount_cents,
  status: row.status,
  failureReason: row.status === "failed" ? row.failure_reason : null,
  astraSettlementReason: row.astra_settlement_reason,
  scheduledDate: row.scheduled_date,
  initiatedAt: new Date(row.initiated_at),
  updatedAt: new Date(row.updated_at),
  estimatedClearingAt: new Date(row.estimated_clearing_at),
});

const SELECT_TRANSFER = `SELECT t.*, r.name AS routine_name, r.type AS routine_type, r.payment_type,
  r.client_correlation_id, r.destination_user_id FROM transfers t JOIN routines r ON r.id = t.routine_id`;
const FILTER = `t.user_id = @userId AND (CAST(@status AS TEXT) IS NULL OR t.status = @status)
  AND (CAST(@routineId AS TEXT) IS NULL OR t.routine_id = @routineId)`;

function prepareOperations(sql: Sql) {
  const availableOf = sql
    .prepare<[string], number | null>("SELECT available_balance_cents FROM accounts WHERE id = ?")
    .pluck();
  // A second transfer for the same routine date collides on the unique (routine_id, scheduled_date) and is skipped.
  const insert = sql.prepare(
    `INSERT INTO transfers (id, routine_id, user_id, client_id, source_id, destination_id, amount_cents,
       status, failure_reason, scheduled_date, initiated_at, updated_at, estimated_clearing_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  // NULL balances stay NULL: NULL + n is NULL on both engines.
  const moveBalances = sql.prepare<[number, number, number, string]>(
    `UPDATE accounts SET current_balance_cents = current_balance_cents + ?,
       available_balance_cents = available_balance_cents + ?, last_balance_update_at = ? WHERE id = ?`,
  );
  const setNextRun = sql.prepare<[string | null, number, string]>(
    "UPDATE routines SET next_run_date = ?, updated_at = ? WHERE id = ?",
  );
  const byId = sql.prepare<[string], TransferRow>(`${SELECT_TRANSFER} WHERE t.id = ?`);
  const setStatus = sql.prepare<[TransferStatus, number, string]>(
    "UPDATE transfers SET status = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
  );
  const finishOneTime = sql.prepare<[string, number, string]>(
    `UPDATE routines SET status = ?, next_run_date = NULL, updated_at = ?
     WHERE id = ? AND type = 'one-time' AND status NOT IN ('completed', 'failed', 'cancelled')`,
  );

  const announce = (type: WebhookType, clientId: string, userId: string, resourceId: string, now: Date) =>
    recordEvent(sql, { clientId, type, userId, resourceId }, now);

  async function createTransfer(routine: DueRoutine, date: string, now: Date): Promise<boolean> {
    const initiated = date >= localDate(now) ? now : zonedInstant(date, localTimeOfDay(now));
    const available = (await availableOf.get(routine.sourceId)) ?? null;
    const shortfall = available !== null && available < routine.amountCents;
    const failure = MAGIC_FAILURES[routine.amountCents] ?? (shortfall ? INSUFFICIENT_FUNDS : null);
    const id = newId();
    const clearing = estimatedClearing(initiated, routine.settlementSpeed);
    const { changes } = await insert.run(
      id,
      routine.id,
      routine.userId,
      routine.clientId,
      routine.sourceId,
      routine.destinationId,
      routine.amountCents,
      failure,
      date,
      initiated.getTime(),
      now.getTime(),
      clearing.getTime(),
    );
    if (changes === 0) return false;
    await moveBalances.run(0, -routine.amountCents, now.getTime(), routine.sourceId);
    await announce("transfer_created", routine.clientId, routine.userId, id, now);
    return true;
  }

  /** A one-time routine follows its transfer into a final status, announcing the change. */
  async function finishRoutine(
    row: TransferRow,
    status: "completed" | "failed" | "cancelled",
    now: Date,
  ): Promise<void> {
    if ((await finishOneTime.run(status, now.getTime(), row.routine_id)).changes === 0) return;
    await announce("routine_updated", row.client_id, row.user_id, row.routine_id, now);
  }

  async function changeStatus(row: TransferRow, status: TransferStatus, now: Date): Promise<boolean> {
    if ((await setStatus.run(status, now.getTime(), row.id)).changes === 0) return false;
    await announce("transfer_updated", row.client_id, row.user_id, row.id, now);
    return true;
  }

  return {
    /** Makes every transfer a routine owes up to `today` (catching up missed dates) and moves next_run_date on. */
    async makeDueTransfers(routine: DueRoutine, today: string, now: Date): Promise<number> {
      let created = 0;
      let date = routine.nextRunDate;
      while (date !== null && date <= today) {
        if (await createTransfer(routine, date, now)) created += 1;
        date = routine.frequency === null ? null : nextOccurrence(routine.startDate, routine.frequency, date);
      }
      await setNextRun.run(date, now.getTime(), routine.id);
      return created;
    },
    /** Settles one pending transfer: processed (money moves) or failed (hold released). */
    async settle(transferId: string, now: Date): Promise<boolean> {
      const row = await byId.get(transferId);
      if (!row || row.status !== "pending") return false;
      const failed = row.failure_reason !== null;
      if (!(await changeStatus(row, failed ? "failed" : "processed", now))) return false;
      if (failed) {
        await moveBalances.run(0, row.amount_cents, now.getTime(), row.source_id);
      } else {
        await moveBalances.run(-row.amount_cents, 0, now.getTime(), row.source_id);
        await moveBalances.run(row.amount_cents, row.amount_cents, now.getTime(), row.destination_id);
      }
      await finishRoutine(row, failed ? "failed" : "completed", now);
      return true;
    },
    async cancel(row: TransferRow, now: Date): Promise<boolean> {
      if (!(await changeStatus(row, "canceled", now))) return false;
      await moveBalances.run(0, row.amount_cents, now.getTime(), row.source_id);
      await finishRoutine(row, "cancelled", now);
      return true;
    },
    byId,
  };
}

const operationsBySql = new WeakMap<Sql, ReturnType<typeof prepareOperations>>();

/** Statements shared by the routines store, the scheduler and the transfers store, prepared once per database. */
export function transferOperations(sql: Sql) {
  let operations = operationsBySql.get(sql);
  if (!operations) {
    operations = prepareOperations(sql);
    operationsBySql.set(sql, operations);
  }
  return operations;
}

export function createTransfersStore(sql: Sql) {
  const ops = transferOperations(sql);
  const list = sql.prepare<Record<string, unknown>, TransferRow>(
    `${SELECT_TRANSFER} WHERE ${FILTER} ORDER BY t.initiated_at DESC, t.rowid DESC
     LIMIT CAST(@limit AS BIGINT) OFFSET CAST(@offset AS BIGINT)`,
  );
  const count = sql
    .prepare<Record<string, unknown>, number>(`SELECT COUNT(*) FROM transfers t WHERE ${FILTER}`)
    .pluck();

  const cancel = (userId: string, transferId: string, now: Date): Promise<CancelResult> =>
    sql.transaction(async () => {
      const row = await ops.byId.get(transferId);
      if (!row || row.user_id !== userId) return { ok: false, reason: "not_found" };
      if (row.status !== "pending") return { ok: false, reason: "not_pending" };
      const cutoff = Math.min(cancelDeadline(new Date(row.initiated_at)).getTime(), row.estimated_clearing_at);
      if (now.getTime() >= cutoff) return { ok: false, reason: "too_late" };
      await ops.cancel(row, now);
      const updated = await ops.byId.get(transferId);
      return updated ? { ok: true, transfer: toTransfer(updated) } : { ok: false, reason: "not_found" };
    });

  return {
    async listForUser(userId: string, page: PageRequest, filter: TransferFilter = {}): Promise<Page<TransferRecord>> {
      const params = { userId, status: filter.status ?? null, routineId: filter.routineId ?? null };
      // One transaction, so the total and the page are read from the same state.
      return sql.transaction(async () => ({
        total: (await count.get(params)) ?? 0,
        items: (await list.all({ ...params, limit: page.pageSize, offset: page.offset })).map(toTransfer),
      }));
    },
    /** Null when the transfer does not exist or belongs to someone else. */
    async findForUser(userId: string, transferId: string): Promise<TransferRecord | null> {
      const row = await ops.byId.get(transferId);
      return row && row.user_id === userId ? toTransfer(row) : null;
    },
    /** Cancels a pending transfer inside the ACH cancel window; the hold on the source is released. */
    async cancel(userId: string, transferId: string, now: Date): Promise<CancelResult> {
      return cancel(userId, transferId, now);
    },
  };
}
