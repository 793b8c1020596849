// Routines for the bearer token's user: create, list, read, pause/resume/rename, delete
// (https://docs.astra.finance/reference/post_v1-routines).
import { Hono } from "hono";
import {
  routineCreateSchema,
  routineListSchema,
  routineSchema,
  routineStatusSchema,
  routineUpdateSchema,
  transferListSchema,
  type Routine,
} from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { invalidFields, readJson, readJsonValue, validateBody } from "../../lib/json-body";
import { pageEnvelope, readPage } from "../../lib/pagination";
import { localDate } from "../../lib/schedule";
import { toAstraTimestamp, toCents, toDollars } from "../../lib/wire";
import type { RoutineRecord, UpdateResult } from "../../store/routines";
import { readTransferStatus, toWireTransfer } from "./transfers";

export function toWireRoutine(routine: RoutineRecord): Routine {
  return routineSchema.parse({
    id: routine.id,
    type: routine.type,
    name: routine.name,
    payment_type: routine.paymentType,
    source_id: routine.sourceId,
    destination_id: routine.destinationId,
    destination_user_id: routine.destinationUserId,
    amount: toDollars(routine.amountCents),
    start_date: routine.startDate,
    preferred_settlement_speed: routine.settlementSpeed,
    frequency: routine.frequency,
    client_correlation_id: routine.clientCorrelationId,
    active: routine.status === "active",
    status: routine.status,
    created: toAstraTimestamp(routine.createdAt),
  });
}

/** Fixed at creation (Astra's knowledge base, "Recurring routine terms"): a PUT naming one is refused. */
const FIXED_FIELDS = ["amount", "start_date", "frequency"] as const;

function refuseFixedFields(body: unknown): void {
  if (typeof body !== "object" || body === null) return;
  const named = FIXED_FIELDS.filter((field) => field in body);
  if (named.length === 0) return;
  const advice = "cannot be changed once a routine is created; cancel this routine and create a new one";
  throw invalidFields(Object.fromEntries(named.map((field) => [field, [advice]])));
}

/**
 * A date-time start_date counts as its calendar date in America/Los_Angeles, the zone of Astra's schedule; one
 * without an offset is read as Los Angeles wall time, so its own date part is that date.
 */
function startDateOf(raw: string): string {
  const time = raw.slice(10);
  if (time === "") return raw;
  return /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time) ? localDate(new Date(raw)) : raw.slice(0, 10);
}

/** `?status=`; Astra spells routine statuses `cancelled`, but the one-l spelling finds the same routines. */
function readRoutineStatus(raw: string | undefined) {
  if (raw === undefined || raw === "") return undefined;
  const parsed = routineStatusSchema.safeParse(raw === "canceled" ? "cancelled" : raw);
  if (!parsed.success) throw new ApiError(400, `status must be one of ${routineStatusSchema.options.join(", ")}.`);
  return parsed.data;
}

const notFound = () => new ApiError(404, "No routine with this id for this user.");

// Astra: a user rejected after conversion can authorize and link accounts "but will be unable to initiate
// Routines"; how it refuses is undocumented, so the 403 and its wording are the emulator's.
const rejectedUser = () =>
  new ApiError(403, "This user's status is rejected, so Astra will not initiate routines for them.");

function updateRefusal(result: Exclude<UpdateResult, { ok: true }>): ApiError {
  if (result.reason === "not_found") return notFound();
  const messages = {
    final: `This routine is ${result.status}; a finished routine cannot change.`,
    already_ran: "This one-time routine already made its transfer; cancel the transfer instead.",
    not_pausable: `Only an active routine can be paused; this one is ${result.status}.`,
    not_resumable: `Only a paused (inactive) routine can be resumed; this one is ${result.status}.`,
  };
  return new ApiError(400, messages[result.reason]);
}

export function routineRoutes({ store, clocks }: Deps) {
  const auth = bearerAuth(store, clocks);
  return new Hono<BearerEnv>()
    .post("/v1/routines", auth, async (c) => {
      const { userId, clientId } = c.get("grant");
      const input = await readJson(c, routineCreateSchema);
      const now = c.get("now");
      const today = localDate(now);
      const startDate = input.start_date === undefined ? today : startDateOf(input.start_date);
      const fields: Record<string, string[]> = {};
      if (startDate < today) fields.start_date = [`must be today (${today}, America/Los_Angeles) or later`];
      for (const field of ["source_id", "destination_id"] as const) {
        const account = await store.accounts.findForUser(userId, input[field]);
        if (!account) fields[field] = ["is not one of this user's accounts"];
      }
      if (Object.keys(fields).length > 0) throw invalidFields(fields);
      // Astra's named sandbox error for a client not set up for peer-to-peer (common-errors-responses).
      if (input.destination_user_id && input.destination_user_id !== userId) {
        throw new ApiError(400, "P2P transfer not allowed for this source and destination");
      }
      const user = await store.users.findById(userId);
      if (user?.status === "rejected") throw rejectedUser();
      const routine = await store.routines.create(
        {
          clientId,
          userId,
          type: input.type,
          name: input.name,
          paymentType: input.payment_type,
          sourceId: input.source_id,
          destinationId: input.destination_id,
          destinationUserId: input.destination_user_id ?? null,
          amountCents: toCents(input.amount),
          startDate,
          settlementSpeed: input.preferred_settlement_speed ?? "T+2",
          frequency: input.frequency ?? null,
          clientCorrelationId: input.client_correlation_id ?? null,
        },
        now,
      );
      return c.json(toWireRoutine(routine), 201);
    })
    .get("/v1/routines", auth, async (c) => {
      const page = readPage(c.req.query());
      const status = readRoutineStatus(c.req.query("status"));
      const { total, items } = await store.routines.listForUser(c.get("grant").userId, page, status);
      return c.json(routineListSchema.parse({ ...pageEnvelope(total, page), routines: items.map(toWireRoutine) }));
    })
    .get("/v1/routines/:id", auth, async (c) => {
      const routine = await store.routines.findForUser(c.get("grant").userId, c.req.param("id"));
      if (!routine) throw notFound();
      return c.json(toWireRoutine(routine));
    })
    .get("/v1/routines/:id/transfers", auth, async (c) => {
      const { userId } = c.get("grant");
      const page = readPage(c.req.query());
      const status = readTransferStatus(c.req.query("status"));
      const routine = await store.routines.findForUser(userId, c.req.param("id"));
      if (!routine) throw notFound();
      const { total, items } = await store.transfers.listForUser(userId, page, { routineId: routine.id, status });
      return c.json(transferListSchema.parse({ ...pageEnvelope(total, page), transfers: items.map(toWireTransfer) }));
    })
    .put("/v1/routines/:id", auth, async (c) => {
      const body = await readJsonValue(c);
      refuseFixedFields(body);
      const update = validateBody(routineUpdateSchema.strict(), body);
      const { userId } = c.get("grant");
      if (update.destination_user_id && update.destination_user_id !== userId) {
        throw new ApiError(400, "P2P transfer not allowed for this source and destination");
      }
      const changes = {
        name: update.name,
        status: update.status,
        settlementSpeed: update.preferred_settlement_speed,
        clientCorrelationId: update.client_correlation_id,
        destinationUserId: update.destination_user_id,
      };
      const result = await store.routines.update(userId, c.req.param("id"), changes, c.get("now"));
      if (!result.ok) throw updateRefusal(result);
      return c.json(toWireRoutine(result.routine));
    })
    .delete("/v1/routines/:id", auth, async (c) => {
      const result = await store.routines.cancel(c.get("grant").userId, c.req.param("id"), c.get("now"));
      if (!result.ok && result.reason === "not_found") throw notFound();
      if (!result.ok) throw new ApiError(400, "One-time routines cannot be deleted; cancel their transfer instead.");
      return c.body(null, 200);
    });
}
