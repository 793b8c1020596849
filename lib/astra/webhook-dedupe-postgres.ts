// Webhook ids shared by every instance: the primary key decides which delivery is the first, in one round trip.
import "server-only";
import type { Pool } from "pg";
import { ensureAppTables, pruneTimer, RETENTION } from "@/lib/db/app-tables";
import type { WebhookIdStore } from "./webhook-dedupe";

export function createPostgresWebhookIdStore(pool: Pool): WebhookIdStore {
  const pruneDue = pruneTimer();
  return {
    async claim(webhookId) {
      await ensureAppTables(pool);
      if (pruneDue()) {
        await pool.query(`DELETE FROM app_webhook_ids WHERE seen_at < now() - interval '${RETENTION.webhookIds}'`);
      }
      const claimed = await pool.query(
        "INSERT INTO app_webhook_ids (webhook_id) VALUES ($1) ON CONFLICT (webhook_id) DO NOTHING RETURNING 1",
        [webhookId],
      );
      return claimed.rowCount === 1;
    },
    async release(webhookId) {
      await pool.query("DELETE FROM app_webhook_ids WHERE webhook_id = $1", [webhookId]);
    },
  };
}
