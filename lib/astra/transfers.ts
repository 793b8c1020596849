// Transfers: the money movements routines make.
import "server-only";
import { readPageInfo } from "@/lib/paging";
import { astraFetch } from "./client";
import { transferListSchema, transferSchema, type Transfer, type TransferStatus } from "./schemas";
import { transferStatusWords, type StatusWords } from "./status-words";

export type TransferView = {
  id: string;
  routineId: string;
  routineName: string;
  amount: number;
  status: Transfer["status"];
  words: StatusWords;
  sourceId: string;
  destinationId: string;
  initiated: string;
  estimatedClearing: string | null;
  failureReason: string | null;
  /** Astra allows a cancel while the transfer is pending; it answers 400 once the ACH window has closed. */
  cancellable: boolean;
};

export function reshapeTransfer(transfer: Transfer): TransferView {
  return {
    id: transfer.id,
    routineId: transfer.routine_id,
    routineName: transfer.routine_name,
    amount: transfer.amount,
    status: transfer.status,
    words: transferStatusWords(transfer.status),
    sourceId: transfer.source_id,
    destinationId: transfer.destination_id,
    initiated: transfer.initiated,
    estimatedClearing: transfer.estimated_clearing_date,
    failureReason: transfer.failure_reason ?? null,
    cancellable: transfer.status === "pending",
  };
}

export const TRANSFERS_PAGE_SIZE = 25;

export async function getTransfers(
  accessToken: string,
  {
    status,
    page = 1,
    pageSize = TRANSFERS_PAGE_SIZE,
  }: { status?: TransferStatus; page?: number; pageSize?: number } = {},
) {
  const list = await astraFetch({
    path: "/v1/transfers",
    auth: { accessToken },
    schema: transferListSchema,
    searchParams: { status, page, page_size: pageSize },
  });
  return {
    paging: readPageInfo(list, list.transfers.length, { page, pageSize }),
    transfers: list.transfers.map(reshapeTransfer),
  };
}

export type TransferPage = Awaited<ReturnType<typeof getTransfers>>;

export async function cancelTransfer(accessToken: string, id: string): Promise<TransferView> {
  const transfer = await astraFetch({
    path: `/v1/transfers/${encodeURIComponent(id)}/cancel`,
    method: "POST",
    auth: { accessToken },
    schema: transferSchema,
  });
  return reshapeTransfer(transfer);
}
