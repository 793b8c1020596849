/** @jsxImportSource hono/jsx */
// An app's users and user intents, and deleting a user (with a confirmation step) to free their phone number.
import { Hono, type Context } from "hono";
import type { Deps } from "../../deps";
import { appPath, MessagePage } from "../../pages/dashboard/layout";
import { DeleteUserPage, UsersPage } from "../../pages/dashboard/users-page";
import type { Store } from "../../store";
import { appNotFound } from "./apps";
import { chromeFor, ownsApp, signedIn, type AppEnv } from "./session";
import { href, renderPage } from "../../lib/base-path";

async function userNotFound(c: Context<AppEnv>, store: Store) {
  const current = c.get("app");
  const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "users" });
  const message = `${current.name} has no user with this id; they may have been deleted already.`;
  const link = { href: appPath(current.clientId, "/users"), label: "Back to users" };
  return renderPage(c, <MessagePage title="User not found" message={message} chrome={chrome} link={link} />, 404);
}

export function dashboardUserRoutes({ store }: Deps) {
  const app = new Hono<AppEnv>();
  const guards = [signedIn(store), ownsApp(store, (c) => appNotFound(c, store))] as const;

  app.get("/dashboard/apps/:clientId/users", ...guards, async (c) => {
    const current = c.get("app");
    const [intents, users, chrome] = await Promise.all([
      store.dashboard.listIntents(current.clientId),
      store.dashboard.listUsers(current.clientId),
      chromeFor(store, c.get("developer"), { app: current, tab: "users" }),
    ]);
    const deleted = c.req.query("deleted") === "1";
    return renderPage(c, <UsersPage chrome={chrome} app={current} intents={intents} users={users} deleted={deleted} />);
  });

  app.get("/dashboard/apps/:clientId/users/:userId/delete", ...guards, async (c) => {
    const current = c.get("app");
    const user = await store.users.findById(c.req.param("userId"));
    const footprint = user ? await store.dashboard.userFootprint(current.clientId, user.id) : null;
    if (!user || !footprint) return userNotFound(c, store);
    const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "users" });
    return renderPage(c, <DeleteUserPage chrome={chrome} app={current} user={user} footprint={footprint} />);
  });

  app.post("/dashboard/apps/:clientId/users/:userId/delete", ...guards, async (c) => {
    const current = c.get("app");
    if (!(await store.dashboard.deleteUser(current.clientId, c.req.param("userId")))) return userNotFound(c, store);
    return c.redirect(href(c, `${appPath(current.clientId, "/users")}?deleted=1`), 303);
  });

  return app;
}
