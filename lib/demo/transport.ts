// Demo mode's Astra calls go into the mounted emulator with no socket (this URL may sit behind Deployment Protection).
import "server-only";
import { after } from "next/server";
import { absoluteBase } from "@/lib/astra/base-url";
import { setAstraTransport } from "@/lib/astra/hooks";
import { EMULATOR_MOUNT_PATH } from "@/lib/env";
import { currentRequestOrigin } from "@/lib/http/request-origin";

export type EmbeddedEmulator = {
  fetch(request: Request): Promise<Response>;
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
    void run();
  }
}

const isMounted = (url: URL) =>
  url.pathname === EMULATOR_MOUNT_PATH || url.pathname.startsWith(`${EMULATOR_MOUNT_PATH}/`);

export async function demoTransport(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let request: Request;
  if (input instanceof Request) {
    request = new Request(input, init);
  } else {
    let href = typeof input === "string" ? input : input.href;
    if (href.startsWith("/")) href = absoluteBase(href, (await currentRequestOrigin()) ?? "http://localhost");
    request = new Request(href, init);
  }
  if (!isMounted(new URL(request.url))) return fetch(request);

  const registered = shared[REGISTRY];
  if (!registered) throw new TypeError("The embedded emulator is not registered (lib/plugins.ts, ASTRA_ENV=demo)");
  const response = await registered.emulator.fetch(request);
  scheduleDueWork();
  return response;
}
