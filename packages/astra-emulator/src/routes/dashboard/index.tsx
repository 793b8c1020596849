/** @jsxImportSource hono/jsx */
// The developer dashboard under /dashboard (https://docs.astra.finance/docs/getting-started): accounts, apps, link
// generator, users, webhook log. Every POST must come from this origin: with SameSite=Strict cookies, a cheap CSRF
// guard.
import { Hono } from "hono";
import type { Deps } from "../../deps";
import { MessagePage } from "../../pages/dashboard/layout";
import { dashboardAppRoutes } from "./apps";
import { dashboardAuthRoutes } from "./auth";
import { dashboardLinkRoutes } from "./links";
import { publicDemoRoutes } from "./public-demo";
import { isSameOrigin } from "./session";
import { dashboardUserRoutes } from "./users";
import { dashboardWebhookRoutes } from "./webhooks";
import { href, renderPage } from "../../lib/base-path";

export function dashboardRoutes(deps: Deps) {
  const app = new Hono();

  app.get("/", (c) => c.redirect(href(c, "/dashboard"), 302));

  app.use("/dashboard/*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !isSameOrigin(c)) {
      const message =
        "This form was posted from another site, so the dashboard refused it. Submit it from the dashboard itself.";
      return renderPage(c, <MessagePage title="Request refused" message={message} />, 403);
    }
    await next();
    c.header("X-Frame-Options", "DENY");
  });

  // The public demo has its one page and nothing else: no sign-in, no route that writes.
  if (deps.hosted?.publicDemo) {
    app.route("/", publicDemoRoutes(deps));
    return app;
  }
  app.route("/", dashboardAuthRoutes(deps));
  app.route("/", dashboardAppRoutes(deps));
  app.route("/", dashboardLinkRoutes(deps));
  app.route("/", dashboardUserRoutes(deps));
  app.route("/", dashboardWebhookRoutes(deps));
  return app;
}
