// Routines: Astra's instructions to move money once or on a schedule. Fetch, change, and reshape for the UI.
import "server-only";
import { z } from "zod";
import { todayInAstraZone } from "@/lib/dates";
import { upcomingRunDates } from "@/lib/schedule";
import { astraFetch } from "./client";
import {
  routineListSchema,
  routineSchema,
  transferListSchema,
  type Routine,
  type RoutineCreate,
  type RoutineStatus,
  type RoutineUpdate,
} from "./schemas";
import { ROUTINE_STATUS_WORDS, type StatusWords } from "./status-words";
import { reshapeTransfer, type TransferView } from "./transfers";

export type RoutineView = {
  id: string;
  name: string;
  type: Routine["type"];
  frequency: Routine["frequency"];
  amount: number;
  status: RoutineStatus;
  words: StatusWords;
  sourceId: string;
  destinationId: string;
  startDate: string;
  /** The next scheduled dates, soonest first; empty when nothing more will run. */
  nextRuns: string[];
  /** Pause/resume applies to running or paused routines. */
  canPause: boolean;
  canResume: boolean;
  /** Recurring routines are cancelled with DELETE; a one-time one by cancelling its pending transfer. */
  cancellable: boolean;
  created: string;
};

const WILL_RUN: readonly RoutineStatus[] = ["active", "requires_user_verification", "pending_account_authorization"];

export function reshapeRoutine(routine: Routine, now = new Date()): RoutineView {
  const today = todayInAstraZone(now);
  // A one-time routine makes its transfer on its date (at once when that is today), so only a later date is
  // still to come.
  const willRun = WILL_RUN.includes(routine.status) && (routine.type === "recurring" || routine.start_date > today);
  return {
    id: routine.id,
    name: routine.name,
    type: routine.type,
    frequency: routine.frequency,
    amount: routine.amount,
    status: routine.status,
    words: ROUTINE_STATUS_WORDS[routine.status],
    sourceId: routine.source_id,
    destinationId: routine.destination_id,
    startDate: routine.start_date,
    nextRuns: willRun ? upcomingRunDates(routine.start_date, routine.frequency, today, 5) : [],
    canPause: routine.status === "active" && routine.type === "recurring",
    canResume: routine.status === "inactive",
    cancellable: routine.type === "recurring" && !["cancelled", "completed", "failed"].includes(routine.status),
    created: routine.created,
  };
}

/** The newest 100 routines (Astra's largest page); `hasMore` says whether there are older ones. */
export async function getRoutines(accessToken: string) {
  const list = await astraFetch({
    path: "/v1/routines",
    auth: { accessToken },
    schema: routineListSchema,
    searchParams: { page_size: 100 },
  });
  return { count: list.count, hasMore: list.has_more ?? false, routines: list.routines.map((r) => reshapeRoutine(r)) };
}

export async function getRoutine(accessToken: string, id: string): Promise<RoutineView> {
  const routine = await astraFetch({ path: `/v1/routines/${encodeURIComponent(id)}`, auth: { accessToken }, schema: routineSchema });
  return reshapeRoutine(routine);
}

export async function getRoutineTransfers(accessToken: string, id: string): Promise<TransferView[]> {
  const list = await astraFetch({
    path: `/v1/routines/${encodeURIComponent(id)}/transfers`,
    auth: { accessToken },
    schema: transferListSchema,
    searchParams: { page_size: 100 },
  });
  return list.transfers.map(reshapeTransfer);
}

export async function createRoutine(accessToken: string, input: RoutineCreate, idempotencyKey: string) {
  const routine = await astraFetch({
    path: "/v1/routines",
    method: "POST",
    auth: { accessToken },
    body: input,
    idempotencyKey,
    schema: routineSchema,
  });
  return reshapeRoutine(routine);
}

export async function updateRoutine(accessToken: string, id: string, update: RoutineUpdate) {
  const routine = await astraFetch({
    path: `/v1/routines/${encodeURIComponent(id)}`,
    method: "PUT",
    auth: { accessToken },
    body: update,
    schema: routineSchema,
  });
  return reshapeRoutine(routine);
}

export async function deleteRoutine(accessToken: string, id: string): Promise<void> {
  await astraFetch({
    path: `/v1/routines/${encodeURIComponent(id)}`,
    method: "DELETE",
    auth: { accessToken },
    schema: z.unknown(),
  });
}
