// The glue of demo mode (ASTRA_ENV=demo): builds the one emulator this app hosts at /emulator, from the app's
// configuration, and registers it for lib/demo/transport.ts, so the app's Astra calls stay in-process. The only
// app file that imports sandbox/ (eslint.config.mjs allows exactly this one); lib/ only sees the registry.
import "server-only";
import { headers } from "next/headers";
import { POST as receiveWebhook } from "@/app/api/webhooks/astra/route";
import { clientIpFrom, UNKNOWN_CLIENT_IP } from "@/lib/client-ip";
import { registerEmbeddedEmulator, registeredEmbeddedEmulator, type EmbeddedEmulator } from "@/lib/demo/transport";
import { EMULATOR_MOUNT_PATH, getEnv, type Env } from "@/lib/env";
import { getDemoEnv } from "@/lib/demo/env";
import { addressedOrigin } from "@/lib/http/framework-input";
import { createHostedEmulator } from "../../sandbox/src/hosted";
import { openHostedStore } from "../../sandbox/src/hosted-store";

const WEBHOOK_PATH = "/api/webhooks/astra";
/** Set on every request the emulator gets, from the trusted client-IP header, so a browser's own value never counts. */
const CLIENT_ADDRESS_HEADER = "x-astra-demo-client-address";

/**
 * The visitor behind a request: a browser's request to /emulator carries the proxy's header itself; one the app
 * makes in-process for a visitor (a server action's Astra call) has it in the visitor's request, read here.
 */
async function visitorAddress(request: Request, trustedHeader: string | undefined): Promise<string> {
  const own = clientIpFrom(request.headers, trustedHeader);
  if (own !== UNKNOWN_CLIENT_IP) return own;
  try {
    return clientIpFrom(await headers(), trustedHeader);
  } catch {
    return own; // outside a request (instrumentation, due work)
  }
}

const unique = (values: (string | undefined)[]) => [...new Set(values.filter((value) => value !== undefined))];

/** Origins this deployment answers on besides the request's own: AUTH_URL and Vercel's public names. */
const configuredOrigins = (env: Env) => unique([env.authUrl, ...env.deploymentOrigins]);

/**
 * Webhooks to this app's own receiver are handed to its route handler directly: an HTTP call to this
 * deployment could meet Deployment Protection, and would cost another invocation. Anything else (a URL a
 * developer set in the emulator's dashboard) goes out over the network as usual.
 */
export function inProcessDelivery(webhookUrl: string, ownOrigins: string[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const ours = request.url === webhookUrl || (url.pathname === WEBHOOK_PATH && ownOrigins.includes(url.origin));
    return ours ? receiveWebhook(request) : fetch(request);
  };
}

function build(env: Env): EmbeddedEmulator {
  if (env.astraEnv !== "demo") throw new Error("The embedded emulator runs only with ASTRA_ENV=demo.");
  const demo = getDemoEnv();
  const origins = configuredOrigins(env);
  // Without a fixed origin (AUTH_URL, Vercel's names) the webhook URL only has to be one delivery recognises.
  const webhookUrl = `${origins[0] ?? "http://localhost"}${WEBHOOK_PATH}`;
  const keys = { clientId: env.astraClientId, clientSecret: env.astraClientSecret, webhookUrl };
  // With DATABASE_URL the emulator's tables sit beside the app's own (lib/db): one database for the whole demo.
  const location = demo.store.kind === "postgres" ? { databaseUrl: demo.store.url } : { file: demo.store.file };
  const emulator = createHostedEmulator({
    basePath: EMULATOR_MOUNT_PATH,
    ...keys,
    // Redirect URIs on these origins are accepted: the emulator can only send people back to this deployment.
    // Without AUTH_URL that is the origin the visitor addressed (forwarded by Vercel's edge), not the instance's.
    ownOrigins: (request: Request) => {
      const url = new URL(request.url);
      return unique([addressedOrigin(request.headers, url, env.authUrl), url.origin, ...origins]);
    },
    deliver: inProcessDelivery(webhookUrl, origins),
    store: openHostedStore(location, keys),
    publicDemo: demo.publicDemo,
    clientAddress: (request: Request) => request.headers.get(CLIENT_ADDRESS_HEADER) ?? UNKNOWN_CLIENT_IP,
  });
  return {
    ...emulator,
    async fetch(request) {
      const stamped = new Headers(request.headers);
      stamped.set(CLIENT_ADDRESS_HEADER, await visitorAddress(request, env.clientIpHeader));
      return emulator.fetch(new Request(request, { headers: stamped }));
    },
  };
}

/**
 * The hosted emulator, built on first use and kept on globalThis (through the registry), so instrumentation.ts,
 * proxy.ts and the routes, which Next bundles apart, share one store and one emulator.
 */
export function hostedEmulator(): EmbeddedEmulator {
  const registered = registeredEmbeddedEmulator();
  if (registered) return registered;
  const emulator = build(getEnv());
  registerEmbeddedEmulator(emulator);
  return emulator;
}
