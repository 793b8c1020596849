// Control API, part two: the app's webhook log with replay, and fault injection (see lib/faults.ts).
import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { readJson } from "../../lib/json-body";
import { pageEnvelope, readPage } from "../../lib/pagination";
import type { FaultRecord } from "../../store/faults";
import { deliveryState, type DeliveryRecord } from "../../store/webhooks";
import { refuseInVisitorScope, visitorOf } from "./visitor-scope";

const faultSchema = z
  .object({
    method: z.enum(["GET", "POST", "PUT", "DELETE", "*"], { error: 'must be GET, POST, PUT, DELETE or "*"' }),
    path: z
      .string()
      .regex(/^\/[^*\s]*\*?$/, { error: 'must start with "/"; end it with "*" to match a prefix, e.g. /v1/routines*' }),
    status: z.int({ error: "must be a whole number" }).min(400).max(599).optional(),
    delay_ms: z.int({ error: "must be a whole number" }).min(0).max(30_000).optional(),
    count: z.int({ error: "must be a whole number" }).min(1).max(100).optional(),
    window_ms: z.int({ error: "must be a whole number" }).min(1).max(60_000).optional(),
  })
  .strict()
  .refine((fault) => fault.status !== undefined || fault.delay_ms !== undefined, {
    error: "send status, delay_ms or both",
  })
  .refine((fault) => (fault.count === undefined) !== (fault.window_ms === undefined), {
    error: "send count (the next N matching requests) or window_ms (every one for a while), not both",
    path: ["count"],
  });

const toWireFault = (fault: FaultRecord) => ({
  id: fault.id,
  method: fault.method,
  path: fault.path,
  status: fault.status,
  delay_ms: fault.delayMs,
  remaining: fault.remaining,
  window_ms: fault.windowMs,
  window_ends_at: fault.windowEndsAt?.toISOString() ?? null,
  created_at: fault.createdAt.toISOString(),
});

const toWireDelivery = (delivery: DeliveryRecord) => ({
  url: delivery.url,
  status_code: delivery.statusCode,
  error: delivery.error,
  duration_ms: delivery.durationMs,
  attempted_at: delivery.attemptedAt.toISOString(),
});

export function controlEventRoutes(deps: Deps) {
  const { store, clocks, webhooks } = deps;
  const auth = clientBasicAuth(store, clocks);

  return new Hono<ClientEnv>()
    .get("/sandbox/webhooks", auth, async (c) => {
      refuseInVisitorScope(deps, "the webhook log (it lists every visitor's events)");
      const client = c.get("client");
      const page = readPage(c.req.query());
      const { total, items } = await store.webhooks.listForClient(client.clientId, page);
      return c.json({
        ...pageEnvelope(total, page),
        webhook_url: client.webhookUrl,
        webhooks: items.map((event) => ({
          webhook_id: event.webhookId,
          webhook_type: event.type,
          resource_id: event.resourceId,
          user_id: event.userId,
          created_at: event.createdAt.toISOString(),
          state: deliveryState(event, Boolean(client.webhookUrl)),
          attempts: event.attempts,
          next_attempt_at: event.nextAttemptAt?.toISOString() ?? null,
          delivered_at: event.deliveredAt?.toISOString() ?? null,
          deliveries: event.deliveries.map(toWireDelivery),
        })),
      });
    })
    .post("/sandbox/webhooks/:webhook_id/replay", auth, async (c) => {
      refuseInVisitorScope(deps, "replaying a webhook");
      const result = await webhooks.replay(c.get("client").clientId, c.req.param("webhook_id"), c.get("now"));
      if (!result.ok && result.reason === "not_found")
        throw new ApiError(404, "No webhook event with this id for this app.");
      if (!result.ok) {
        throw new ApiError(409, "This app has no webhook URL. Set one in the dashboard or with EMULATOR_WEBHOOK_URL.");
      }
      return c.json(toWireDelivery(result.delivery));
    })
    .post("/sandbox/faults", auth, async (c) => {
      const body = await readJson(c, faultSchema);
      const visitor = await visitorOf(deps, c, "a fault for every request");
      const fault = await store.faults.create(
        c.get("client").clientId,
        {
          method: body.method,
          path: body.path,
          status: body.status ?? null,
          delayMs: body.delay_ms ?? null,
          ...(body.window_ms === undefined ? { count: body.count ?? 1 } : { windowMs: body.window_ms }),
        },
        c.get("now"),
        visitor?.id ?? null,
      );
      return c.json(toWireFault(fault), 201);
    })
    .get("/sandbox/faults", auth, async (c) => {
      const visitor = await visitorOf(deps, c, "listing every visitor's faults");
      const faults = await store.faults.list(c.get("client").clientId, visitor?.id ?? null);
      return c.json({ faults: faults.map(toWireFault) });
    })
    .delete("/sandbox/faults", auth, async (c) => {
      const visitor = await visitorOf(deps, c, "clearing every visitor's faults");
      const cleared = await store.faults.clear(c.get("client").clientId, visitor?.id ?? null);
      return c.json({ cleared });
    });
}
