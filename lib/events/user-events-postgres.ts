// The relay for many instances: a polled outbox (unlike LISTEN/NOTIFY, it works through Neon's pooler and resumes).
import "server-only";
import type { Pool } from "pg";
import { webhookTypeSchema } from "@/lib/astra/schemas";
import { ensureAppTables, pruneTimer, RETENTION } from "@/lib/db/app-tables";
import type { UserEventRelay } from "./user-events";

export const POLL_INTERVAL_MS = 1_500;
const BATCH = 100;

// One transaction lock before each id is drawn, so ids commit in order and a poll never skips one still in flight.
const INSERT_IN_ORDER = `
  WITH turn AS (SELECT pg_advisory_xact_lock(hashtextextended('astra-app:user-events', 0)))
  INSERT INTO app_user_events (user_id, type, resource_id)
  SELECT $1::text, $2::text, $3::text FROM turn
  RETURNING id::text AS id`;

type EventRow = { id: string; type: string; resource_id: string };

async function eventsAfter(pool: Pool, userId: string, afterId: string): Promise<EventRow[]> {
  const { rows } = await pool.query<EventRow>(
    `SELECT id::text AS id, type, resource_id FROM app_user_events
     WHERE user_id = $1 AND id > $2::bigint ORDER BY id LIMIT ${BATCH}`,
    [userId, afterId],
  );
  return rows;
}

async function latestEventId(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>("SELECT coalesce(max(id), 0)::text AS id FROM app_user_events");
  return rows[0]!.id;
}

export function createPostgresUserEventRelay(pool: Pool, { pollMs = POLL_INTERVAL_MS } = {}): UserEventRelay {
  const pruneDue = pruneTimer();
  return {
    resumable: true,

    async publish(userId, event) {
      await ensureAppTables(pool);
      if (pruneDue()) {
        await pool.query(`DELETE FROM app_user_events WHERE at < now() - interval '${RETENTION.userEvents}'`);
      }
      const { rows } = await pool.query<{ id: string }>(INSERT_IN_ORDER, [userId, event.type, event.resourceId]);
      return { eventId: rows[0]!.id };
    },

    subscribe(userId, listener, { afterId, onError } = {}) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let cursor = afterId;

      const poll = async () => {
        try {
          await ensureAppTables(pool);
          cursor ??= await latestEventId(pool);
          for (;;) {
            const rows = await eventsAfter(pool, userId, cursor);
            for (const row of rows) {
              if (stopped) return;
              cursor = row.id;
              // A type this version does not know (written by a newer deployment) is skipped, not relayed.
              const type = webhookTypeSchema.safeParse(row.type);
              if (type.success) listener({ type: type.data, resourceId: row.resource_id }, row.id);
            }
            if (rows.length < BATCH) break;
          }
        } catch (error) {
          if (stopped) return;
          stopped = true;
          onError?.(error);
          return;
        }
        if (!stopped) timer = setTimeout(poll, pollMs);
      };
      void poll();

      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
