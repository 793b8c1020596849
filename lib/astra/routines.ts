// Routines: Astra's instructions to move money once or on a schedule, reshaped for the UI.
import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { readPageInfo } from "@/lib/paging";
import { upcomingRunDates } from "@/lib/schedule";
import { routinePreviewSchema } from "./card-schemas";
import { astraFetch } from "./client";
import { mayHaveHappened, AstraError } from "./errors";
import {
  routineFrequencySchema,
  routineListSchema,
  routineSchema,
  transferListSchema,
  type Routine,
  type RoutineCreate,
  type RoutineStatus,
  type RoutineUpdate,
} from "./schemas";
import { routineScheduleWords, routineStatusWords, settlementSpeedWords, type StatusWords } from "./status-words";
import { astraToday } from "./today";
import { reshapeTransfer } from "./transfers";

export type RoutineView = {
  id: string;
  name: string;
  type: Routine["type"];
  frequency: string | null;
  schedule: string;
  amount: number;
  status: Routine["status"];
  words: StatusWords;
  sourceId: string;
  destinationId: string;
  startDate: string | null;
  settlement: string | null;
  active: boolean | null;
  nextRuns: string[];
  canPause: boolean;
  canResume: boolean;
  cancellable: boolean;
  created: string | null;
};

const WILL_RUN: ReadonlySet<string> = new Set<RoutineStatus>([
  "active",
  "requires_user_verification",
  "pending_account_authorization",
]);
const FINAL: ReadonlySet<string> = new Set<RoutineStatus>(["cancelled", "completed", "failed"]);

export function readActiveFlag(value: Routine["active"]): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const word = value.trim().toLowerCase();
  return word === "true" ? true : word === "false" ? false : null;
}

function calendarDay(value: string | null | undefined): string | null {
  return value ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null) : null;
}

function nextRunDates(routine: Routine, startDate: string | null, today: string): string[] {
  if (!startDate || !WILL_RUN.has(routine.status)) return [];
  if (routine.type === "one-time") return startDate > today ? [startDate] : [];
  const frequency = routineFrequencySchema.safeParse(routine.frequency);
  if (routine.type !== "recurring" || !frequency.success) return [];
  return upcomingRunDates(startDate, frequency.data, today, 5);
}

export function reshapeRoutine(routine: Routine, today: string): RoutineView {
  const startDate = calendarDay(routine.start_date);
  const recurring = routine.type === "recurring";
  return {
    id: routine.id,
    name: routine.name,
    type: routine.type,
    frequency: routine.frequency ?? null,
    schedule: routineScheduleWords(routine),
    amount: routine.amount,
    status: routine.status,
    words: routineStatusWords(routine.status),
    sourceId: routine.source_id,
    destinationId: routine.destination_id,
    startDate,
    settlement: routine.preferred_settlement_speed ? settlementSpeedWords(routine.preferred_settlement_speed) : null,
    active: readActiveFlag(routine.active),
    nextRuns: nextRunDates(routine, startDate, today),
    canPause: routine.status === "active" && recurring,
    canResume: routine.status === "inactive",
    cancellable: recurring && !FINAL.has(routine.status),
    created: routine.created ?? null,
  };
}

export const ROUTINES_PAGE_SIZE = 20;
export const ROUTINE_TRANSFERS_PAGE_SIZE = 25;

export async function getRoutines(
  accessToken: string,
  { page = 1, status, pageSize = ROUTINES_PAGE_SIZE }: { page?: number; status?: string; pageSize?: number } = {},
) {
  const [list, today] = await Promise.all([
    astraFetch({
      path: "/v1/routines",
      auth: { accessToken },
      schema: routineListSchema,
      searchParams: { page, page_size: pageSize, status },
    }),
    astraToday(),
  ]);
  return {
    paging: readPageInfo(list, list.routines.length, { page, pageSize }),
    routines: list.routines.map((r) => reshapeRoutine(r, today)),
  };
}

export async function getRoutine(accessToken: string, id: string): Promise<RoutineView> {
  const [routine, today] = await Promise.all([
    astraFetch({ path: `/v1/routines/${encodeURIComponent(id)}`, auth: { accessToken }, schema: routineSchema }),
    astraToday(),
  ]);
  return reshapeRoutine(routine, today);
}

export async function getRoutineTransfers(accessToken: string, id: string, { page = 1 }: { page?: number } = {}) {
  const list = await astraFetch({
    path: `/v1/routines/${encodeURIComponent(id)}/transfers`,
    auth: { accessToken },
    schema: transferListSchema,
    searchParams: { page, page_size: ROUTINE_TRANSFERS_PAGE_SIZE },
  });
  return {
    paging: readPageInfo(list, list.transfers.length, { page, pageSize: ROUTINE_TRANSFERS_PAGE_SIZE }),
    transfers: list.transfers.map(reshapeTransfer),
  };
}

/** Derived from the Idempotency-Key, so a retry finds what an earlier attempt made. */
export function correlationIdFor(idempotencyKey: string, length = 40): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, length);
}

const LOOKUP_PAGES = 3;

export async function findRoutineByCorrelationId(accessToken: string, correlationId: string): Promise<Routine | null> {
  const pageSize = 100;
  for (let page = 1; page <= LOOKUP_PAGES; page++) {
    const list = await astraFetch({
      path: "/v1/routines",
      auth: { accessToken },
      schema: routineListSchema,
      searchParams: { page, page_size: pageSize },
    });
    const found = list.routines.find((routine) => routine.client_correlation_id === correlationId);
    if (found) return found;
    // has_more is the emulator's; against Astra, its count or a full page decides.
    if (!readPageInfo(list, list.routines.length, { page, pageSize }).hasMore) return null;
  }
  return null;
}

export type ReconcileTiming = { lookups: number; pauseMs: number };
const RECONCILE: ReconcileTiming = { lookups: 4, pauseMs: 1_000 };

export async function createRoutine(
  accessToken: string,
  input: Omit<RoutineCreate, "client_correlation_id">,
  idempotencyKey: string,
  timing: ReconcileTiming = RECONCILE,
): Promise<RoutineView> {
  const correlationId = correlationIdFor(idempotencyKey, input.payment_type === "debit" ? 8 : 40);
  try {
    const routine = await astraFetch({
      path: "/v1/routines",
      method: "POST",
      auth: { accessToken },
      body: { ...input, client_correlation_id: correlationId },
      idempotencyKey,
      schema: routineSchema,
    });
    return reshapeRoutine(routine, await astraToday());
  } catch (error) {
    if (!(error instanceof AstraError) || !mayHaveHappened(error)) throw error;
    for (let attempt = 0; attempt < timing.lookups; attempt++) {
      if (attempt > 0) await sleep(timing.pauseMs);
      const found = await findRoutineByCorrelationId(accessToken, correlationId).catch((lookupError: unknown) => {
        // A rejected token must reach callAstra's refresh-and-retry.
        if (lookupError instanceof AstraError && lookupError.kind === "unauthorized") throw lookupError;
        return null;
      });
      if (found) return reshapeRoutine(found, await astraToday());
    }
    throw error;
  }
}

export async function updateRoutine(accessToken: string, id: string, update: RoutineUpdate) {
  const [routine, today] = await Promise.all([
    astraFetch({
      path: `/v1/routines/${encodeURIComponent(id)}`,
      method: "PUT",
      auth: { accessToken },
      body: update,
      schema: routineSchema,
    }),
    astraToday(),
  ]);
  return reshapeRoutine(routine, today);
}

export async function deleteRoutine(accessToken: string, id: string): Promise<void> {
  await astraFetch({
    path: `/v1/routines/${encodeURIComponent(id)}`,
    method: "DELETE",
    auth: { accessToken },
    schema: z.unknown(),
  });
}

export type FeePreview = { fee: number | null; total: number | null; feePercent: number | null };

export async function previewCardRoutine(
  accessToken: string,
  input: Omit<RoutineCreate, "client_correlation_id">,
): Promise<FeePreview> {
  const preview = await astraFetch({
    path: "/v1/routines/preview",
    method: "POST",
    auth: { accessToken },
    body: input,
    schema: routinePreviewSchema,
  });
  return {
    fee: preview.debit_fee ?? null,
    total: preview.total ?? null,
    feePercent: preview.debit_fee_percent ?? null,
  };
}
