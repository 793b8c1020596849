// Demo mode's transport: a request to the emulator mounted in this app is answered in-process, with no socket
// (a call to this deployment's own URL could meet Vercel's Deployment Protection, and costs a second invocation).
// Installed as the core's transport (lib/astra/hooks.ts) when the emulator is registered.
import "server-only";
import { after } from "next/server";
import { absoluteBase } from "@/lib/astra/base-url";
import { setAstraTransport } from "@/lib/astra/hooks";
import { EMULATOR_MOUNT_PATH } from "@/lib/env";
import { currentRequestOrigin } from "@/lib/http/request-origin";

/** What app/emulator/hosted-emulator.ts builds; the core never imports the emulator itself. */
export type EmbeddedEmulator = {
  fetch(request: Request): Promise<Response>;
  /** Settles transfers, runs routines and delivers webhooks that are due (there is no ticker in demo mode). */
  runDueWork(): Promise<unknown>;
};

// On globalThis: proxy.ts, instrumentation.ts and the routes are separate bundles in one server process.
const REGISTRY = Symbol.for("astra-nextjs-starter.embedded-emulator");
type Registered = { emulator: EmbeddedEmulator; running: Promise<unknown> | null };
const shared = globalThis as typeof globalThis & { [REGISTRY]?: Registered };

export function registerEmbeddedEmulator(emulator: EmbeddedEmulator): void {
  shared[REGISTRY] = { emulator, running: null };
  setAstraTransport(demoTransport);
}

export function registeredEmbeddedEmulator(): EmbeddedEmulator | undefined {
  return shared[REGISTRY]?.emulator;
}

/** Due work once the current response is sent (Next's after()), never two runs at once in this process. */
export function scheduleDueWork(): void {
  const registered = shared[REGISTRY];
  if (!registered) return;
  const run = async () => {
    if (registered.running) return;
    registered.running = registered.emulator
      .runDueWork()
      .catch((error: unknown) => console.error("[demo] due work failed", error))
      .finally(() => (registered.running = null));
    await registered.running;
  };
  try {
    after(run);
  } catch {
    // Outside a request (a script, a test): run it now, in the background.
    void run();
  }
}

const isMounted = (url: URL) =>
  url.pathname === EMULATOR_MOUNT_PATH || url.pathname.startsWith(`${EMULATOR_MOUNT_PATH}/`);

/** fetch(), except that a request to the embedded emulator is answered in-process. */
export async function demoTransport(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let request: Request;
  if (input instanceof Request) {
    request = new Request(input, init);
  } else {
    let href = typeof input === "string" ? input : input.href;
    // A bare "/emulator/…" URL: the origin is only known per request (demo mode without AUTH_URL).
    if (href.startsWith("/")) href = absoluteBase(href, (await currentRequestOrigin()) ?? "http://localhost");
    request = new Request(href, init);
  }
  if (!isMounted(new URL(request.url))) return fetch(request);

  const registered = shared[REGISTRY];
  // A TypeError, as fetch() throws when nothing answers, so callers report "could not reach Astra".
  if (!registered) throw new TypeError("The embedded emulator is not registered (lib/plugins.ts, ASTRA_ENV=demo)");
  const response = await registered.emulator.fetch(request);
  scheduleDueWork();
  return response;
}
