// Control API, part three: what scripts such as `npm run quickstart` need to know about the calling app (its
// registered redirect URIs and sandbox settings), and undoing a user intent they made when a later step failed.
import { Hono } from "hono";
import type { Deps } from "../../deps";
import { clientBasicAuth, type ClientEnv } from "../../lib/auth";
import { ApiError } from "../../lib/create-app";

export function controlAppRoutes({ store, clocks }: Deps) {
  const auth = clientBasicAuth(store, clocks);

  return new Hono<ClientEnv>()
    .get("/sandbox/app", auth, (c) => {
      const client = c.get("client");
      return c.json({
        client_id: client.clientId,
        name: client.name,
        redirect_uris: client.redirectUris,
        test_phones_enabled: client.testPhonesEnabled,
      });
    })
    .delete("/sandbox/user_intents/:id", auth, async (c) => {
      const deleted = await store.dashboard.deleteUserIntent(c.get("client").clientId, c.req.param("id"));
      if (!deleted) throw new ApiError(404, "No user intent with this id for this app.");
      return c.json({ deleted: true, user_deleted: deleted.userDeleted });
    });
}
