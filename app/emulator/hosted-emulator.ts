// Demo mode's glue: builds the emulator this app hosts at /emulator and registers it for lib/demo/transport.ts.
// The only app file that imports the emulator package (eslint.config.mjs allows exactly this one).
import "server-only";
import { headers } from "next/headers";
import { attachDatabasePool } from "@vercel/functions";
import { createHostedEmulator, openHostedStore, type HostedStoreLocation } from "astra-emulator/hosted";
import { POST as receiveWebhook } from "@/app/api/webhooks/astra/route";
import { siteConfig } from "@/config/site";
import { clientIpFrom, UNKNOWN_CLIENT_IP } from "@/lib/client-ip";
import { registerEmbeddedEmulator, registeredEmbeddedEmulator, type EmbeddedEmulator } from "@/lib/demo/transport";
import { EMULATOR_MOUNT_PATH, getEnv, type Env } from "@/lib/env";
import { getDemoEnv, type DemoEnv } from "@/lib/demo/env";
import { addressedOrigin } from "@/lib/http/framework-input";

const WEBHOOK_PATH = "/api/webhooks/astra";
/** Set from the trusted client-IP header, so a browser's own value never counts. */
const CLIENT_ADDRESS_HEADER = "x-astra-demo-client-address";

/** An in-process call made for a visitor (a server action's) has the visitor's address in their request. */
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

const configuredOrigins = (env: Env) => unique([env.authUrl, ...env.deploymentOrigins]);

/** Webhooks to this app's own receiver skip HTTP: a call to this deployment could meet Deployment Protection. */
export function inProcessDelivery(webhookUrl: string, ownOrigins: string[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const ours = request.url === webhookUrl || (url.pathname === WEBHOOK_PATH && ownOrigins.includes(url.origin));
    return ours ? receiveWebhook(request) : fetch(request);
  };
}

/** On Postgres, Vercel waits for the pool's idle connections to close before it suspends the instance. */
export function hostedStoreLocation(store: DemoEnv["store"]): HostedStoreLocation {
  return store.kind === "postgres" ? { databaseUrl: store.url, onPool: attachDatabasePool } : { file: store.file };
}

function build(env: Env): EmbeddedEmulator {
  if (env.astraEnv !== "demo") throw new Error("The embedded emulator runs only with ASTRA_ENV=demo.");
  const demo = getDemoEnv();
  const origins = configuredOrigins(env);
  const webhookUrl = `${origins[0] ?? "http://localhost"}${WEBHOOK_PATH}`;
  const keys = { clientId: env.astraClientId, clientSecret: env.astraClientSecret, webhookUrl };
  const emulator = createHostedEmulator({
    basePath: EMULATOR_MOUNT_PATH,
    ...keys,
    appName: siteConfig.name,
    // Redirect URIs on these origins only; without AUTH_URL, the origin the visitor addressed.
    ownOrigins: (request: Request) => {
      const url = new URL(request.url);
      return unique([addressedOrigin(request.headers, url, env.authUrl), url.origin, ...origins]);
    },
    deliver: inProcessDelivery(webhookUrl, origins),
    store: openHostedStore(hostedStoreLocation(demo.store), keys),
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

/** On globalThis: instrumentation.ts, proxy.ts and the routes are separate bundles sharing one store. */
export function hostedEmulator(): EmbeddedEmulator {
  const registered = registeredEmbeddedEmulator();
  if (registered) return registered;
  const emulator = build(getEnv());
  registerEmbeddedEmulator(emulator);
  return emulator;
}
