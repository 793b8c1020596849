// The sandbox control API (/sandbox/…, client Basic auth): not part of Astra's API. Tests and developer tools
// use it to reset data, move the clock, force token expiry, set a user's status, inject faults and inspect
// or replay webhooks. Everything is scoped to the calling app, including the clock: each app has its own. In
// visitor scope (the hosted demo) it is scoped to the visitor each call names instead (visitor-scope.ts).
import { Hono, type Context } from "hono";
import { z } from "zod";
import { userStatusSchema } from "../../wire-schemas";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { readJson } from "../../lib/json-body";
import { normalizePhone } from "../../lib/phone";
import { localDate } from "../../lib/schedule";
import { runDueWorkForApp, runDueWorkForUser } from "../../lib/due-work";
import { controlAppRoutes } from "./control-app";
import { controlEventRoutes } from "./control-events";
import { controlVisitorRoutes } from "./control-visitors";
import { checkActsFor, optionalVisitorOf, visitorOf } from "./visitor-scope";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const advanceSchema = z
  .object({
    days: z.int({ error: "must be a whole number" }).min(0).max(366).optional(),
    hours: z
      .int({ error: "must be a whole number" })
      .min(0)
      .max(366 * 24)
      .optional(),
    minutes: z
      .int({ error: "must be a whole number" })
      .min(0)
      .max(366 * 24 * 60)
      .optional(),
  })
  .strict()
  .refine((body) => body.days !== undefined || body.hours !== undefined || body.minutes !== undefined, {
    error: "send at least one of days, hours, minutes",
  });

const statusSchema = z.object({ status: userStatusSchema }).strict();

export function controlRoutes(deps: Deps) {
  const { store, clocks, webhooks } = deps;
  const auth = clientBasicAuth(store, clocks);

  const clockBody = async (clientId: string, userId: string | null = null) => {
    const now = await clocks.now(clientId, userId);
    return { now: now.toISOString(), offset_ms: await clocks.offsetMs(clientId, userId), today: localDate(now) };
  };

  /**
   * The calling app's user, or 404: another app's users are invisible here, as in Astra. In visitor scope the
   * call must name that same user, and `now` is that user's time.
   */
  async function userOfClient(c: Context<ClientEnv>) {
    const user = await store.users.findForClient(c.get("client").clientId, c.req.param("id") ?? "");
    if (!user) throw new ApiError(404, "No user with this id for this app.");
    await checkActsFor(deps, c, user.id);
    const now = deps.visitorScope ? await clocks.now(user.clientId, user.id) : c.get("now");
    return Object.assign(user, { now });
  }

  const app = new Hono<ClientEnv>()
    .get("/sandbox/health", (c) => c.json({ ok: true }))
    .post("/sandbox/reset", auth, async (c) => {
      await readJson(c, z.object({}).strict());
      const { clientId } = c.get("client");
      const visitor = await visitorOf(deps, c, "resetting the app");
      if (visitor) {
        await clocks.reset(clientId, visitor.id);
        await store.visitors.resetUser(visitor.id, await clocks.now(clientId, visitor.id));
        return c.json({ ok: true });
      }
      await clocks.reset(clientId);
      await store.control.resetApp(clientId, await clocks.now(clientId));
      return c.json({ ok: true });
    })
    .get("/sandbox/clock", auth, async (c) =>
      c.json(await clockBody(c.get("client").clientId, (await optionalVisitorOf(deps, c))?.id)),
    )
    .post("/sandbox/clock/advance", auth, async (c) => {
      const { days = 0, hours = 0, minutes = 0 } = await readJson(c, advanceSchema);
      const ms = days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS;
      const { clientId } = c.get("client");
      const visitor = await visitorOf(deps, c, "advancing the app's clock");
      const userId = visitor?.id ?? null;
      await clocks.advance(clientId, ms, userId);
      const now = await clocks.now(clientId, userId);
      const work = userId
        ? await runDueWorkForUser(store, clientId, userId, now, webhooks)
        : await runDueWorkForApp(store, clientId, now, webhooks);
      return c.json({
        ...(await clockBody(clientId, userId)),
        advanced_ms: ms,
        user_intents_resolved: work.userIntentsResolved,
        transfers_created: work.transfersCreated,
        transfers_settled: work.transfersSettled,
        webhooks_attempted: work.webhooksAttempted,
        webhooks_delivered: work.webhooksDelivered,
      });
    })
    .get("/sandbox/users", auth, async (c) => {
      const phone = normalizePhone(c.req.query("phone") ?? "");
      if (!phone) {
        throw new ApiError(400, "Pass ?phone= with a 10-digit US number.", {
          fields: { phone: ["must be a 10-digit US phone number, e.g. 2025550123"] },
        });
      }
      const user = await store.users.findByPhone(c.get("client").clientId, phone);
      if (!user) throw new ApiError(404, `No user with phone ${phone} for this app.`);
      return c.json({ id: user.id, phone: user.phone, status: user.status });
    })
    .post("/sandbox/users/:id/status", auth, async (c) => {
      const { status } = await readJson(c, statusSchema);
      const user = await userOfClient(c);
      const now = user.now;
      await store.users.updateStatus(user.id, status, now);
      const routinesChanged = await store.routines.refreshForUser(user.id, now);
      return c.json({ id: user.id, status, previous_status: user.status, routines_changed: routinesChanged });
    })
    .post("/sandbox/users/:id/expire-access-token", auth, async (c) => {
      const user = await userOfClient(c);
      const expired = await store.control.expireAccessTokens(c.get("client").clientId, user.id, user.now);
      return c.json({ expired });
    })
    .post("/sandbox/users/:id/expire-refresh-tokens", auth, async (c) => {
      const user = await userOfClient(c);
      const expired = await store.control.expireRefreshTokens(c.get("client").clientId, user.id, user.now);
      return c.json({ expired });
    })
    .get("/sandbox/users/:id/token-grants", auth, async (c) => {
      const user = await userOfClient(c);
      return c.json(await store.control.tokenGrantCounts(c.get("client").clientId, user.id));
    });

  app.route("/", controlEventRoutes(deps));
  app.route("/", controlAppRoutes(deps));
  app.route("/", controlVisitorRoutes(deps));
  return app;
}
