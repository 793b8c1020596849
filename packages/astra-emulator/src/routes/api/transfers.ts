// GET /v1/transfers, GET /v1/transfers/:id and POST /v1/transfers/:id/cancel
// (https://docs.astra.finance/reference/post_v1-transfers-id-cancel).
import { Hono } from "hono";
import {
  transferListSchema,
  transferSchema,
  transferSegmentListSchema,
  transferStatusSchema,
  type Transfer,
} from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { pageEnvelope, readPage } from "../../lib/pagination";
import { toAstraTimestamp, toDollars } from "../../lib/wire";
import type { TransferFilter, TransferRecord } from "../../store/transfers";

export function toWireTransfer(transfer: TransferRecord): Transfer {
  return transferSchema.parse({
    id: transfer.id,
    routine_id: transfer.routineId,
    routine_name: transfer.routineName,
    routine_type: transfer.routineType,
    client_correlation_id: transfer.clientCorrelationId,
    source_id: transfer.sourceId,
    destination_id: transfer.destinationId,
    destination_user_id: transfer.destinationUserId,
    amount: toDollars(transfer.amountCents),
    payment_type: transfer.paymentType,
    status: transfer.status,
    initiated: toAstraTimestamp(transfer.initiatedAt),
    updated: toAstraTimestamp(transfer.updatedAt),
    estimated_clearing_date: toAstraTimestamp(transfer.estimatedClearingAt),
    astra_settlement_reason: transfer.astraSettlementReason,
    failure_reason: transfer.failureReason,
  });
}

/** A transfer's two legs, the debit of its source and the credit of its destination (segment fields: guess). */
function toWireSegments(transfer: TransferRecord, cardIds: ReadonlySet<string>) {
  const leg = (n: number, direction: "debit" | "credit", id: string) => ({
    id: `${transfer.id}-${n}`,
    transfer_id: transfer.id,
    payment_type: transfer.paymentType,
    direction,
    ...(cardIds.has(id) ? { card_id: id } : { account_id: id }),
    amount: toDollars(transfer.amountCents),
    status: transfer.status,
  });
  const segments = [leg(1, "debit", transfer.sourceId), leg(2, "credit", transfer.destinationId)];
  return transferSegmentListSchema.parse({ count: segments.length, segments });
}

/**
 * `?status=` on list endpoints. The emulator writes `canceled`, as Astra's current cancel page does; the SDKs'
 * `cancelled` finds the same transfers.
 */
export function readTransferStatus(raw: string | undefined): TransferFilter["status"] {
  if (raw === undefined || raw === "") return undefined;
  const parsed = transferStatusSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(400, `status must be one of ${transferStatusSchema.options.join(", ")}.`);
  }
  return parsed.data === "cancelled" ? "canceled" : parsed.data;
}

const CANCEL_REFUSALS = {
  not_pending: "This transfer is not pending, so it cannot be cancelled.",
  too_late:
    "This transfer can no longer be cancelled: the ACH cancel window closed at 2:00 p.m. Pacific on the first " +
    "business day after initiation.",
} as const;

export function transferRoutes({ store, clocks }: Deps) {
  const auth = bearerAuth(store, clocks);
  return new Hono<BearerEnv>()
    .get("/v1/transfers", auth, async (c) => {
      const page = readPage(c.req.query());
      const filter: TransferFilter = { status: readTransferStatus(c.req.query("status")) };
      const routineId = c.req.query("routine_id");
      if (routineId) filter.routineId = routineId;
      const { total, items } = await store.transfers.listForUser(c.get("grant").userId, page, filter);
      return c.json(transferListSchema.parse({ ...pageEnvelope(total, page), transfers: items.map(toWireTransfer) }));
    })
    .get("/v1/transfers/:id", auth, async (c) => {
      const transfer = await store.transfers.findForUser(c.get("grant").userId, c.req.param("id"));
      if (!transfer) throw new ApiError(404, "No transfer with this id for this user.");
      return c.json(toWireTransfer(transfer));
    })
    .get("/v1/transfers/:id/segments", auth, async (c) => {
      const transfer = await store.transfers.findForUser(c.get("grant").userId, c.req.param("id"));
      if (!transfer) throw new ApiError(404, "No transfer with this id for this user.");
      const cardIds = new Set<string>();
      if (transfer.paymentType === "debit") {
        for (const id of [transfer.sourceId, transfer.destinationId]) {
          if (await store.cards.findForUser(transfer.userId, id)) cardIds.add(id);
        }
      }
      return c.json(toWireSegments(transfer, cardIds));
    })
    .post("/v1/transfers/:id/cancel", auth, async (c) => {
      const result = await store.transfers.cancel(c.get("grant").userId, c.req.param("id"), c.get("now"));
      if (!result.ok) {
        if (result.reason === "not_found") throw new ApiError(404, "No transfer with this id for this user.");
        throw new ApiError(400, CANCEL_REFUSALS[result.reason]);
      }
      return c.json(toWireTransfer(result.transfer));
    });
}
