// Builds the emulator: Astra's REST API, the hosted OAuth module pages, one error envelope.
import { createBaseApp } from "./lib/create-app";
import { createOffsetClock, type SandboxClock } from "./lib/clock";
import { faultInjection } from "./lib/faults";
import { idempotency } from "./lib/idempotency";
import { accountRoutes } from "./routes/accounts";
import { controlRoutes } from "./routes/control";
import { dashboardRoutes } from "./routes/dashboard";
import { institutionRoutes } from "./routes/institutions";
import { oauthModuleRoutes } from "./routes/oauth-module";
import { routineRoutes } from "./routes/routines";
import { tokenRoutes } from "./routes/token";
import { transferRoutes } from "./routes/transfers";
import { userIntentRoutes } from "./routes/user-intents";
import { userRoutes } from "./routes/users";
import { verifyRoutes } from "./routes/verify";
import type { Store } from "./store";
import { createWebhookDispatcher, type WebhookDispatcher } from "./webhooks/dispatcher";

export interface Deps {
  store: Store;
  clock: SandboxClock;
  /** Sends webhook events (control API replay and clock advance, dashboard replay). */
  webhooks: WebhookDispatcher;
}

export interface AppOptions {
  store: Store;
  clock?: SandboxClock;
  /** How webhooks are POSTed; tests pass their own. */
  webhookFetch?: typeof fetch;
}

const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f172a"/>' +
  '<text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>';

export function createApp({ store, clock = createOffsetClock(), webhookFetch }: AppOptions) {
  const deps: Deps = { store, clock, webhooks: createWebhookDispatcher(store, { fetch: webhookFetch }) };
  const app = createBaseApp();
  // After the request id, before every route: injected faults answer in place of the route.
  app.use(faultInjection(store));
  // Before the routes, so a replayed POST never reaches them (oauth/token is exempt: codes are single-use).
  app.use("/v1/*", idempotency(deps));
  // Browsers ask every page's origin for one; answering keeps their consoles free of 404s.
  app.get("/favicon.ico", (c) => c.body(FAVICON_SVG, 200, { "content-type": "image/svg+xml", "cache-control": "max-age=86400" }));
  app.route("/", oauthModuleRoutes(deps));
  app.route("/", verifyRoutes(deps));
  app.route("/", institutionRoutes(deps));
  app.route("/", userIntentRoutes(deps));
  app.route("/", tokenRoutes(deps));
  app.route("/", userRoutes(deps));
  app.route("/", accountRoutes(deps));
  app.route("/", routineRoutes(deps));
  app.route("/", transferRoutes(deps));
  app.route("/", controlRoutes(deps));
  app.route("/", dashboardRoutes(deps));
  return app;
}
