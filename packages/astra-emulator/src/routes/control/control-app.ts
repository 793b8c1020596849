// Control API, part three: what scripts such as `npm run quickstart` need to know about the calling app (its
// registered redirect URIs and sandbox settings, which it may also switch), and undoing a user intent they made
// when a later step failed.
import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";
import { readJson } from "../../lib/json-body";

const sandboxSettingsSchema = z
  .object({ debit_enabled: z.boolean().optional(), instant_speeds_enabled: z.boolean().optional() })
  .strict();

export function controlAppRoutes({ store, clocks, visitorScope }: Deps) {
  const auth = clientBasicAuth(store, clocks);

  return (
    new Hono<ClientEnv>()
      .get("/sandbox/app", auth, (c) => {
        const client = c.get("client");
        return c.json({
          client_id: client.clientId,
          name: client.name,
          redirect_uris: client.redirectUris,
          test_phones_enabled: client.testPhonesEnabled,
          debit_enabled: client.debitEnabled,
          instant_speeds_enabled: client.instantSpeedsEnabled,
        });
      })
      // The dashboard's Sandbox Settings for payment types and speeds, for scripts and tests.
      .patch("/sandbox/app", auth, async (c) => {
        if (visitorScope)
          throw new ApiError(403, "In the hosted demo the app's Sandbox Settings are shared by every visitor.");
        const input = await readJson(c, sandboxSettingsSchema);
        const client = c.get("client");
        await store.apps.updateSettings(client.clientId, {
          redirectUris: client.redirectUris,
          webhookUrl: client.webhookUrl,
          showTestCodes: client.showTestCodes,
          debitEnabled: input.debit_enabled,
          instantSpeedsEnabled: input.instant_speeds_enabled,
        });
        return c.body(null, 204);
      })
      .delete("/sandbox/user_intents/:id", auth, async (c) => {
        const deleted = await store.dashboard.deleteUserIntent(c.get("client").clientId, c.req.param("id"));
        if (!deleted) throw new ApiError(404, "No user intent with this id for this app.");
        return c.json({ deleted: true, user_deleted: deleted.userDeleted });
      })
  );
}
