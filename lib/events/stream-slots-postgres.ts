// Stream slots in Postgres, counted and taken under an advisory lock so parallel instances cannot pass a cap.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import { ensureAppTables, rollBack } from "@/lib/db/app-tables";
import { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_USER, SLOT_TTL_MS, type StreamSlots } from "./stream-slots";

const TTL = `interval '${SLOT_TTL_MS} milliseconds'`;

export function createPostgresStreamSlots(pool: Pool): StreamSlots {
  return {
    async acquire(userId, address) {
      await ensureAppTables(pool);
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('astra-app:stream-slots', 0))");
        await client.query("DELETE FROM app_stream_slots WHERE expires_at <= now()");
        const { rows } = await client.query<{ mine: number; here: number }>(
          `SELECT count(*) FILTER (WHERE user_id = $1)::int AS mine, count(*) FILTER (WHERE address = $2)::int AS here
           FROM app_stream_slots WHERE user_id = $1 OR address = $2`,
          [userId, address],
        );
        const { mine = 0, here = 0 } = rows[0] ?? {};
        const refusal = mine >= MAX_STREAMS_PER_USER ? "user" : here >= MAX_STREAMS_PER_ADDRESS ? "address" : null;
        const id = randomUUID();
        if (!refusal) {
          await client.query(
            `INSERT INTO app_stream_slots (id, user_id, address, expires_at) VALUES ($1, $2, $3, now() + ${TTL})`,
            [id, userId, address],
          );
        }
        await client.query("COMMIT");
        return refusal ? { ok: false, refusal } : { ok: true, id };
      } catch (error) {
        broken = await rollBack(client);
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async renew(id) {
      await pool.query(`UPDATE app_stream_slots SET expires_at = now() + ${TTL} WHERE id = $1`, [id]);
    },
    async release(id) {
      await pool.query("DELETE FROM app_stream_slots WHERE id = $1", [id]);
    },
  };
}
