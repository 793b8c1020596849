// Routines for the bearer token's user: create, preview a debit routine's fee, list, read, pause/resume/rename,
// delete (https://docs.astra.finance/reference/post_v1-routines, /reference/post_v1-routines-preview).
import { Hono } from "hono";
import {
  DEBIT_CORRELATION_ID_MAX,
  DEBIT_CORRELATION_ID_MESSAGE,
  INSTANT_SPEEDS,
  routineCreateSchema,
  routinePreviewSchema,
  routineListSchema,
  routineSchema,
  routineStatusSchema,
  routineUpdateSchema,
  transferListSchema,
  type Routine,
  type RoutineCreate,
} from "../../wire-schemas";
import type { Deps } from "../../deps";
import { bearerAuth, type BearerEnv, type BearerGrant } from "../../lib/auth";
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
    debit_fee_percent: routine.debitFeeBps === null ? null : routine.debitFeeBps / 100,
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

/** Debit fee when a debit routine names none; an integrator's example sends 1.5 (the client default is Astra's). */
const DEFAULT_DEBIT_FEE_PERCENT = 1.5;

// Astra enables debit routines and T+0 / real-time speeds per client on request; how it refuses a client that
// is not enabled is undocumented, so the 403 and its wording are the emulator's.
const notEnabled = (what: string) =>
  new ApiError(
    403,
    `This client is not enabled for ${what}. Ask Astra to enable it (in the emulator: the dashboard's Sandbox Settings).`,
  );

/** The gate create, preview and update share: T+0 and real-time only for a client Astra enabled for them. */
function checkSpeed(client: { instantSpeedsEnabled: boolean } | null, speed: string | undefined): void {
  if (speed && (INSTANT_SPEEDS as readonly string[]).includes(speed) && !client?.instantSpeedsEnabled) {
    throw notEnabled(`the ${speed} settlement speed`);
  }
}

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

  /** The owner of a routine's source or destination: an account, a (linked, not removed) card, or neither. */
  async function kindOf(userId: string, id: string): Promise<"account" | "card" | null> {
    if (await store.accounts.findForUser(userId, id)) return "account";
    const card = await store.cards.findForUser(userId, id);
    return card && card.status !== "removed" ? "card" : null;
  }

  /** What create and preview both check; throws the error Astra would answer. */
  async function checkRoutine(grant: BearerGrant, input: RoutineCreate, now: Date) {
    const { userId, clientId } = grant;
    const client = await store.apps.findByClientId(clientId);
    if (input.payment_type === "debit" && !client?.debitEnabled) throw notEnabled('payment_type "debit"');
    const speed = input.preferred_settlement_speed;
    checkSpeed(client, speed);
    const today = localDate(now);
    const startDate = input.start_date === undefined ? today : startDateOf(input.start_date);
    const fields: Record<string, string[]> = {};
    if (startDate < today) fields.start_date = [`must be today (${today}, America/Los_Angeles) or later`];
    if (input.payment_type === "debit" && startDate > today) {
      fields.start_date = [`must be today (${today}, America/Los_Angeles): debit routines cannot start later`];
    }
    const kinds = {
      source_id: await kindOf(userId, input.source_id),
      destination_id: await kindOf(userId, input.destination_id),
    };
    for (const field of ["source_id", "destination_id"] as const) {
      if (input.payment_type === "ach" && kinds[field] !== "account")
        fields[field] = ["is not one of this user's accounts"];
      if (input.payment_type === "debit" && kinds[field] === null) {
        fields[field] = ["is not one of this user's accounts or debit cards"];
      }
    }
    const cards = Object.values(kinds).filter((kind) => kind === "card").length;
    if (input.payment_type === "debit" && !fields.source_id && !fields.destination_id && cards !== 1) {
      fields.destination_id = ["a debit routine moves money between one debit card and one account"];
    }
    if (Object.keys(fields).length > 0) throw invalidFields(fields);
    // Astra's named sandbox error for a client not set up for peer-to-peer (common-errors-responses).
    if (input.destination_user_id && input.destination_user_id !== userId) {
      throw new ApiError(400, "P2P transfer not allowed for this source and destination");
    }
    const user = await store.users.findById(userId);
    if (user?.status === "rejected") throw rejectedUser();
    const debit = input.payment_type === "debit";
    return {
      startDate,
      settlementSpeed: speed ?? (debit ? "real-time" : "T+2"),
      debitFeeBps: Math.round((input.debit_fee_percent ?? DEFAULT_DEBIT_FEE_PERCENT) * 100),
    } as const;
  }

  return new Hono<BearerEnv>()
    .post("/v1/routines/preview", auth, async (c) => {
      const input = await readJson(c, routineCreateSchema);
      if (input.payment_type !== "debit") {
        throw invalidFields({ payment_type: ['must be "debit": Astra previews fees of debit routines only'] });
      }
      const checked = await checkRoutine(c.get("grant"), input, c.get("now"));
      const amountCents = toCents(input.amount);
      const feeCents = Math.round((amountCents * checked.debitFeeBps) / 10_000);
      return c.json(
        routinePreviewSchema.parse({
          amount: toDollars(amountCents),
          debit_fee_percent: checked.debitFeeBps / 100,
          debit_fee: toDollars(feeCents),
          total: toDollars(amountCents + feeCents),
          preferred_settlement_speed: checked.settlementSpeed,
        }),
      );
    })
    .post("/v1/routines", auth, async (c) => {
      const grant = c.get("grant");
      const { userId, clientId } = grant;
      const input = await readJson(c, routineCreateSchema);
      const now = c.get("now");
      const checked = await checkRoutine(grant, input, now);
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
          startDate: checked.startDate,
          settlementSpeed: checked.settlementSpeed,
          frequency: input.frequency ?? null,
          clientCorrelationId: input.client_correlation_id ?? null,
          debitFeeBps: input.payment_type === "debit" ? checked.debitFeeBps : null,
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
      const { userId, clientId } = c.get("grant");
      const routine = await store.routines.findForUser(userId, c.req.param("id"));
      if (!routine) throw notFound();
      const correlationId = update.client_correlation_id;
      if (routine.paymentType === "debit" && correlationId && correlationId.length > DEBIT_CORRELATION_ID_MAX) {
        throw invalidFields({ client_correlation_id: [DEBIT_CORRELATION_ID_MESSAGE] });
      }
      checkSpeed(await store.apps.findByClientId(clientId), update.preferred_settlement_speed);
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
