// Routines: Astra's instructions to move money once or on a schedule. Fetch, change, and reshape for the UI.
import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { readPageInfo } from "@/lib/paging";
import { upcomingRunDates } from "@/lib/schedule";
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
  /** Astra's routine type, kept as sent (`sweep` and others included). */
  type: Routine["type"];
  frequency: string | null;
  /** "Every week", "One-time", "Sweep": how often it runs, in words. */
  schedule: string;
  amount: number;
  status: Routine["status"];
  words: StatusWords;
  sourceId: string;
  destinationId: string;
  /** `YYYY-MM-DD`, or null when Astra did not say. */
  startDate: string | null;
  /** "1 business day", "Same business day", …; null when Astra did not say. */
  settlement: string | null;
  /** Astra's `active` flag (a boolean, or "True"/"False" in older answers); null when absent or unreadable. */
  active: boolean | null;
  /** The next scheduled dates, soonest first; empty when nothing more will run or the schedule is unknown. */
  nextRuns: string[];
  /** Pause/resume applies to running or paused routines. */
  canPause: boolean;
  canResume: boolean;
  /** Recurring routines are cancelled with DELETE; a one-time one by cancelling its pending transfer. */
  cancellable: boolean;
  created: string | null;
};

const WILL_RUN: ReadonlySet<string> = new Set<RoutineStatus>([
  "active",
  "requires_user_verification",
  "pending_account_authorization",
]);
const FINAL: ReadonlySet<string> = new Set<RoutineStatus>(["cancelled", "completed", "failed"]);

/** `true`/`false`, or the strings "True"/"False" (any case) that some Astra answers carry. */
export function readActiveFlag(value: Routine["active"]): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const word = value.trim().toLowerCase();
  return word === "true" ? true : word === "false" ? false : null;
}

/** The calendar day of a `start_date` Astra may send as a date or a date-time. */
function calendarDay(value: string | null | undefined): string | null {
  return value ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null) : null;
}

/** Only schedules this app knows how to count can be previewed; others show no "next" dates. */
function nextRunDates(routine: Routine, startDate: string | null, today: string): string[] {
  if (!startDate || !WILL_RUN.has(routine.status)) return [];
  if (routine.type === "one-time") return startDate > today ? [startDate] : [];
  const frequency = routineFrequencySchema.safeParse(routine.frequency);
  if (routine.type !== "recurring" || !frequency.success) return [];
  return upcomingRunDates(startDate, frequency.data, today, 5);
}

/**
 * `today` is the app's "today" (lib/astra/today.ts): in emulator mode the emulator's clock, which the developer
 * tools move forward, so the next runs shown are the ones the emulator will make.
 */
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
    // A one-time routine makes its transfer on its date (at once when that is today), so only a later date is
    // still to come.
    nextRuns: nextRunDates(routine, startDate, today),
    canPause: routine.status === "active" && recurring,
    canResume: routine.status === "inactive",
    cancellable: recurring && !FINAL.has(routine.status),
    created: routine.created ?? null,
  };
}

export const ROUTINES_PAGE_SIZE = 20;
export const ROUTINE_TRANSFERS_PAGE_SIZE = 25;

/** One page of routines, newest first, filtered by Astra itself when a status is given. */
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

/** One page of a routine's transfers, newest first. */
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

/**
 * The `client_correlation_id` a create carries: derived from its Idempotency-Key, so any later attempt can find
 * what an earlier one made. Astra allows 1 to 80 letters and digits for ACH.
 */
export function correlationIdFor(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
}

const LOOKUP_PAGES = 3;

/** The routine an earlier create with this correlation id made, searching the newest few pages. */
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
    // has_more is the emulator's; without it Astra's count, or a full page, says whether to look further.
    if (!readPageInfo(list, list.routines.length, { page, pageSize }).hasMore) return null;
  }
  return null;
}

export type ReconcileTiming = { lookups: number; pauseMs: number };
// About three seconds: enough for a create that is still running behind a 409 to land.
const RECONCILE: ReconcileTiming = { lookups: 4, pauseMs: 1_000 };

/**
 * Creates a routine exactly once per Idempotency-Key. When the answer leaves it unknown whether Astra made it
 * (timeout, 5xx, 409 for a key still in flight), it looks for the routine by correlation id for a bounded time
 * and returns it if found; otherwise it rethrows, and the caller must retry with the same key.
 */
export async function createRoutine(
  accessToken: string,
  input: Omit<RoutineCreate, "client_correlation_id">,
  idempotencyKey: string,
  timing: ReconcileTiming = RECONCILE,
): Promise<RoutineView> {
  const correlationId = correlationIdFor(idempotencyKey);
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
        // A rejected token must reach callAstra's refresh-and-retry; anything else just means "not known yet".
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
