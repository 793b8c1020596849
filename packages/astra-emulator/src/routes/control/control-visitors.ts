// Control API, part four (the hosted demo). POST /sandbox/visitors (visitor scope only) makes a fresh test user
// for one visitor of the public demo, with approved KYC and three linked accounts, and answers the one-use token
// their browser signs in with (the module's visitor_token; only its hash is stored). It is rate-limited per
// client IP in the store, so the limit holds across instances. POST /sandbox/maintenance is what the app's
// daily cron calls: due work, and the 24-hour cleanup.
import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { readJson } from "../../lib/json-body";
import { VISITOR_TOKEN_TTL_MS } from "../../lib/lifetimes";
import { toE164 } from "../../lib/phone";
import { runMaintenance, VISITOR_LIFETIME_MS } from "../../lib/due-work";
import type { VisitorLimits } from "../../store/visitors";

/** Enough for a person trying the demo a few times, too few to fill the database. */
export const VISITOR_LIMITS: VisitorLimits = { perIp: 10, windowMs: 60 * 60 * 1000 };

const createVisitorSchema = z
  .object({
    // The visitor's address as the app's server saw it (the app trusts only its proxy's header for it).
    client_ip: z.union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address, e.g. 203.0.113.7" }),
  })
  .strict();

export function controlVisitorRoutes({ store, clocks, visitorScope, webhooks }: Deps) {
  const auth = clientBasicAuth(store, clocks);

  return new Hono<ClientEnv>()
    .post("/sandbox/maintenance", auth, async (c) => {
      await readJson(c, z.object({}).strict());
      // Every visitor's work at their own time, no one's clock moved: safe for anyone holding the app's keys.
      const result = await runMaintenance(store, clocks.base.now(), { visitorScope, webhooks });
      return c.json({ due_work_ran: result.dueWorkRan, visitors_deleted: result.visitorsDeleted });
    })
    .post("/sandbox/visitors", auth, async (c) => {
      if (!visitorScope) {
        throw new ApiError(404, "Visitors exist only in the hosted demo (the emulator built with visitorScope).");
      }
      const { client_ip: clientIp } = await readJson(c, createVisitorSchema);
      // Real time: a visitor's 24 hours and the rate-limit window are not moved by anyone's sandbox clock.
      const now = clocks.base.now();
      const result = await store.visitors.create(c.get("client").clientId, clientIp, now, VISITOR_LIMITS);
      if (!result.ok) {
        const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 1000));
        throw new ApiError(
          429,
          `This address made ${VISITOR_LIMITS.perIp} seed users within an hour; try again in ${Math.ceil(seconds / 60)} minutes.`,
          { headers: { "Retry-After": String(seconds) } },
        );
      }
      return c.json(
        {
          user_id: result.userId,
          phone: result.phone,
          phone_e164: toE164(result.phone),
          sign_in_token: result.token,
          sign_in_token_expires_at: new Date(result.createdAt.getTime() + VISITOR_TOKEN_TTL_MS).toISOString(),
          created_at: result.createdAt.toISOString(),
          expires_at: new Date(result.createdAt.getTime() + VISITOR_LIFETIME_MS).toISOString(),
        },
        201,
      );
    });
}
