// Builds the emulator: Astra's REST API, the hosted OAuth module pages, one error envelope.
import { createBaseApp } from "./lib/create-app";
import type { Deps, HostedMode } from "./deps";
import { basePathVariable } from "./lib/base-path";
import { createAppClocks, systemClock, type Clock } from "./lib/clock";
import { addressKey } from "./lib/address-key";
import { bodyLimits } from "./lib/body-limit";
import { faultInjection } from "./lib/faults";
import { hostCheck } from "./lib/host-check";
import { idempotency } from "./lib/idempotency";
import { securityHeaders } from "./lib/security-headers";
import { accountRoutes } from "./routes/api/accounts";
import { cardRoutes } from "./routes/api/cards";
import { routineRoutes } from "./routes/api/routines";
import { tokenRoutes } from "./routes/api/token";
import { transferRoutes } from "./routes/api/transfers";
import { userIntentRoutes } from "./routes/api/user-intents";
import { userRoutes } from "./routes/api/users";
import { controlRoutes } from "./routes/control/control";
import { dashboardRoutes } from "./routes/dashboard";
import { cardRoutes as cardModuleRoutes } from "./routes/module/cards";
import { institutionRoutes } from "./routes/module/institutions";
import { oauthModuleRoutes } from "./routes/module/oauth-module";
import { verifyRoutes } from "./routes/module/verify";
import type { Store } from "./store";
import { createWebhookDispatcher } from "./webhooks/dispatcher";

export interface AppOptions {
  store: Store;
  /** Real time; tests pass a manual clock. Each app's sandbox clock runs at an offset from it. */
  clock?: Clock;
  /** Host names (or host:port) accepted besides localhost, 127.0.0.1 and [::1] (EMULATOR_ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** False when the emulator listens beyond loopback (EMULATOR_HOST); defaults to true, as in-process. */
  loopbackOnly?: boolean;
  /** How webhooks are POSTed; tests pass their own, and a hosted emulator the app's in-process handler. */
  webhookFetch?: typeof fetch;
  /**
   * The path the emulator is mounted under, e.g. "/emulator"; every link, form, redirect and cookie it writes
   * starts with it. Requests reach the routes with it already stripped (packages/astra-emulator/src/hosted.ts).
   */
  basePath?: string;
  /** Hosted mode (packages/astra-emulator/src/hosted.ts); unset on the emulator's own port. */
  hosted?: HostedMode;
  /**
   * The public hosted demo: every visitor is a user of one shared developer app, so the clock, faults, token
   * expiry and reset belong to the user the control API names (packages/astra-emulator/README.md, "Visitor scope"), and the
   * control actions that would touch every visitor at once answer 403. Off for the standalone emulator.
   */
  visitorScope?: boolean;
  /**
   * Visitor scope: the client's address as the app in front trusts it (its proxy's header). Without it every
   * request counts as one client for the per-address limits.
   */
  clientAddress?: (request: Request) => string;
}

const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f172a"/>' +
  '<text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>';

export function createApp(options: AppOptions) {
  const { store, clock = systemClock, allowedHosts = [], loopbackOnly = true, webhookFetch } = options;
  const { basePath = "", hosted = null } = options;
  const visitorScope = options.visitorScope ?? false;
  const clocks = createAppClocks(clock, store.appClocks, visitorScope ? store.userClocks : undefined);
  const webhooks = createWebhookDispatcher(store, { fetch: webhookFetch });
  const { clientAddress } = options;
  const addressKeyOf = (request: Request) =>
    visitorScope ? addressKey(clientAddress ? clientAddress(request) : "unknown") : null;
  const deps: Deps = { store, clocks, loopbackOnly, visitorScope, webhooks, hosted, addressKeyOf, clientAddress };
  const app = createBaseApp();
  app.use(basePathVariable(basePath));
  app.use(securityHeaders());
  // A page reached under a foreign Host name is a DNS-rebinding attempt: refuse it before anything runs. Hosted,
  // the app in front decides which names reach it, and a deployment answers on names nobody can list up front.
  if (!hosted) app.use(hostCheck(allowedHosts));
  // Before anything reads a body, so no route parses more than its cap.
  app.use(bodyLimits());
  // After the request id, before every route: injected faults answer in place of the route.
  app.use(faultInjection(store, visitorScope));
  // Before the routes, so a replayed POST never reaches them (oauth/token is exempt: codes are single-use).
  app.use("/v1/*", idempotency(deps));
  // Browsers ask every page's origin for one; answering keeps their consoles free of 404s.
  app.get("/favicon.ico", (c) =>
    c.body(FAVICON_SVG, 200, { "content-type": "image/svg+xml", "cache-control": "max-age=86400" }),
  );
  app.route("/", oauthModuleRoutes(deps));
  app.route("/", verifyRoutes(deps));
  app.route("/", institutionRoutes(deps));
  app.route("/", cardModuleRoutes(deps));
  app.route("/", userIntentRoutes(deps));
  app.route("/", tokenRoutes(deps));
  app.route("/", userRoutes(deps));
  app.route("/", accountRoutes(deps));
  app.route("/", cardRoutes(deps));
  app.route("/", routineRoutes(deps));
  app.route("/", transferRoutes(deps));
  app.route("/", controlRoutes(deps));
  app.route("/", dashboardRoutes(deps));
  return app;
}
