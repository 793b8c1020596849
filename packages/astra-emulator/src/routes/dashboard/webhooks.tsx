/** @jsxImportSource hono/jsx */
// An app's webhook deliveries, paginated newest first, and "Replay" through the dispatcher (packages/astra-emulator/src/webhooks).
import { Hono } from "hono";
import type { Deps } from "../../deps";
import { appPath, MessagePage } from "../../pages/dashboard/layout";
import { WebhooksPage } from "../../pages/dashboard/webhooks-page";
import { appNotFound } from "./apps";
import { chromeFor, ownsApp, signedIn, type AppEnv } from "./session";
import { href, renderPage } from "../../lib/base-path";

export const WEBHOOK_PAGE_SIZE = 25;

function readPageNumber(raw: string | undefined): number {
  const page = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, page);
}

export function dashboardWebhookRoutes({ store, clocks, webhooks }: Deps) {
  const app = new Hono<AppEnv>();
  const guards = [signedIn(store), ownsApp(store, (c) => appNotFound(c, store))] as const;

  app.get("/dashboard/apps/:clientId/webhooks", ...guards, async (c) => {
    const current = c.get("app");
    const pageOf = (page: number) =>
      store.webhooks.listForClient(current.clientId, {
        page,
        pageSize: WEBHOOK_PAGE_SIZE,
        offset: (page - 1) * WEBHOOK_PAGE_SIZE,
      });
    const requested = readPageNumber(c.req.query("page"));
    let log = await pageOf(requested);
    const pageCount = Math.max(1, Math.ceil(log.total / WEBHOOK_PAGE_SIZE));
    // A page past the end shows the last one.
    const page = Math.min(requested, pageCount);
    if (page !== requested) log = await pageOf(page);
    const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "webhooks" });
    const replayed = c.req.query("replayed");
    const notice = replayed
      ? { kind: "success" as const, text: `Sent ${replayed} again; the new attempt is listed with the event.` }
      : c.req.query("replay_error") === "no_webhook_url"
        ? { kind: "alert" as const, text: "Nothing was sent: set a webhook URL on the settings page first." }
        : undefined;
    return renderPage(
      c,
      <WebhooksPage
        chrome={chrome}
        app={current}
        entries={log.items}
        page={page}
        pageCount={pageCount}
        total={log.total}
        notice={notice}
      />,
    );
  });

  app.post("/dashboard/apps/:clientId/webhooks/:webhookId/replay", ...guards, async (c) => {
    const current = c.get("app");
    const webhookId = c.req.param("webhookId");
    const base = appPath(current.clientId, "/webhooks");
    const result = await webhooks.replay(current.clientId, webhookId, await clocks.now(current.clientId));
    if (result.ok) return c.redirect(href(c, `${base}?replayed=${encodeURIComponent(webhookId)}`), 303);
    if (result.reason === "no_webhook_url") return c.redirect(href(c, `${base}?replay_error=no_webhook_url`), 303);
    const chrome = await chromeFor(store, c.get("developer"), { app: current, tab: "webhooks" });
    const message = `${current.name} has no webhook event with this id.`;
    return renderPage(
      c,
      <MessagePage
        title="Event not found"
        message={message}
        chrome={chrome}
        link={{ href: base, label: "Back to webhooks" }}
      />,
      404,
    );
  });

  return app;
}
