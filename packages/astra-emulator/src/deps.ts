// What every route and middleware is built from. Its own module so routes depend on this type, not on the app
// that mounts them.
import type { AppClocks } from "./lib/clock";
import type { Store } from "./store";
import type { WebhookDispatcher } from "./webhooks/dispatcher";

export interface Deps {
  store: Store;
  /** Each app's sandbox clock. */
  clocks: AppClocks;
  /** True when the emulator listens on loopback only, so webhooks may go to private addresses (lib/webhook-url.ts). */
  loopbackOnly: boolean;
  /**
   * The hosted demo's isolation (AppOptions.visitorScope): each user has their own clock, faults and reset, the
   * control API acts for the user it names, and the app-wide control actions answer 403.
   */
  visitorScope: boolean;
  /** Sends webhook events (control API replay and clock advance, dashboard replay). */
  webhooks: WebhookDispatcher;
  /**
   * Visitor scope: the address key (lib/address-key.ts) of the client behind a request, which per-address limits
   * count under; null outside visitor scope, where nothing is counted.
   */
  addressKeyOf(request: Request): string | null;
  /** The client's address as the app in front trusts it (AppOptions.clientAddress); unset, the socket's. */
  clientAddress?: (request: Request) => string;
  /** Set when the emulator runs inside another app (packages/astra-emulator/src/hosted.ts); null on its own port. */
  hosted: HostedMode | null;
}

/** What changes when the emulator is mounted inside the app it serves. */
export interface HostedMode {
  /** The origins this deployment answers on for this request: its redirect URIs and webhook URL may use them. */
  ownOrigins(request: Request): string[];
  /** The app this deployment serves: the one the public demo's dashboard shows. */
  clientId: string;
  /** A public demo: the dashboard is one anonymous read-only page (routes/dashboard/public-demo.tsx). */
  publicDemo: boolean;
}
