// The emulator mounted inside another app (the Next app's /emulator/* route handler): the same Hono app, with
// its pages under a base path, the deployment's own origins trusted as redirect URIs, webhooks handed to the
// app in-process, and no timers: hosted code cannot count on a process that lives between requests, so due
// work runs when the app calls runDueWork. Options come from the app's glue; nothing here reads process.env.
import { z } from "zod";
import { createApp } from "./app";
import { applyAppKeys } from "./lib/app-keys";
import { systemClock, type Clock } from "./lib/clock";
import { astraErrorBody } from "./lib/create-app";
import { cleanUpVisitorsIfDue, DUE_WORK_SPACING_MS, runDueWorkIfFree } from "./lib/due-work";
import type { Store } from "./store";
import { createWebhookDispatcher } from "./webhooks/dispatcher";

export { openHostedStore, type HostedStoreLocation } from "./hosted-store";

export interface HostedEmulatorOptions {
  /** Where the app mounts the emulator, e.g. "/emulator": a leading slash, no trailing one. */
  basePath: string;
  /** The keys of the app the emulator serves; an empty store is seeded with them (openHostedStore). */
  clientId: string;
  clientSecret: string;
  /** Given, it also renames the stored app. */
  appName?: string;
  /** Where the app receives webhooks; null turns delivery off. Replaces the stored app's URL. */
  webhookUrl: string | null;
  /**
   * The origins this deployment answers on, for this request (which arrives with the base path stripped, its
   * origin and headers unchanged): the request's own origin and the production, branch and deployment origins.
   * Redirect URIs and webhook URLs on them need no registration.
   */
  ownOrigins: (request: Request) => string[];
  /** How webhooks are sent: the app's in-process handler, so no request goes out to the deployment's own URL. */
  deliver?: typeof fetch;
  /**
   * The client's address as this deployment trusts it (its proxy's header), for the per-address limits; without
   * it every visitor counts as one client.
   */
  clientAddress?: (request: Request) => string;
  /** A public demo: the dashboard is one anonymous read-only page with the app's public facts. */
  publicDemo?: boolean;
  /** From openHostedStore (packages/astra-emulator/src/hosted-store.ts); a promise is awaited before the first request. */
  store: Store | Promise<Store>;
  /** Real time unless a test passes its own. */
  clock?: Clock;
}

export interface HostedEmulator {
  /** Answers a request whose URL is under the base path; anything else gets a 404. */
  fetch(request: Request): Promise<Response>;
  /** Brings every app's sandbox up to its now: KYC, routines, settlement and due webhooks. */
  runDueWork(): Promise<void>;
}

const optionsSchema = z.object({
  basePath: z.string().regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'must start with "/" and not end with one, e.g. "/emulator"'),
  clientId: z.string().trim().min(1, "must not be empty"),
  clientSecret: z.string().min(1, "must not be empty"),
  appName: z.string().trim().min(1, "must not be empty").optional(),
  webhookUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL or null" }).nullable(),
});

export function createHostedEmulator(options: HostedEmulatorOptions): HostedEmulator {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new Error(`createHostedEmulator: ${problems}.`);
  }
  const { basePath, clientId, clientSecret, appName, webhookUrl } = parsed.data;
  const { ownOrigins, deliver, publicDemo = false, clock = systemClock, clientAddress } = options;

  const ready = (async () => {
    const store = await options.store;
    await applyAppKeys(store, { clientId, clientSecret, name: appName, webhookUrl });
    const app = createApp({
      store,
      clock,
      basePath,
      // Hosted means reachable from the internet: private webhook targets are refused, the app's own excepted.
      loopbackOnly: false,
      webhookFetch: deliver,
      hosted: { ownOrigins, publicDemo, clientId },
      // Every visitor of the demo is a user of this one app: the clock, faults and reset are theirs alone.
      visitorScope: true,
      clientAddress,
    });
    const webhooks = createWebhookDispatcher(store, { fetch: deliver });
    return { app, store, webhooks };
  })();
  // Whoever awaits it sees the failure; this only keeps an unused failure from being reported as unhandled.
  ready.catch(() => undefined);

  return {
    async fetch(request) {
      const { app } = await ready;
      const url = new URL(request.url);
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        const description = `This emulator is mounted under ${basePath}; ${url.pathname} is outside it.`;
        return Response.json(astraErrorBody(404, description), { status: 404 });
      }
      // Routes, fault matching and 404/405 see the emulator's own paths; only what it writes carries the prefix.
      url.pathname = url.pathname.slice(basePath.length) || "/";
      return app.fetch(new Request(url, request));
    },
    async runDueWork() {
      const { store, webhooks } = await ready;
      // Behind the lease: of all the instances sharing the database, one runs it at a time, at most once a second.
      // A run less than a second ago leaves the lease held as spacing; wait that second out once and try again,
      // or the work this request just made (a new routine's first transfer) would wait for the next request.
      if (!(await runDueWorkIfFree(store, clock.now(), { visitorScope: true, webhooks }))) {
        await new Promise((resolve) => setTimeout(resolve, DUE_WORK_SPACING_MS));
        await runDueWorkIfFree(store, clock.now(), { visitorScope: true, webhooks });
      }
      await cleanUpVisitorsIfDue(store, clock.now());
    },
  };
}
