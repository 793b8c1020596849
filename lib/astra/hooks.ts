// Where plug-ins (lib/plugins.ts) attach to the Astra core, which knows none of them: a listener for every call,
// the source of "today", and the transport. Kept on globalThis: instrumentation.ts registers them, and Next
// bundles proxy.ts, instrumentation.ts and the routes apart within one server process.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { todayInAstraZone } from "@/lib/dates";

export type AstraCall = {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string | null;
  /** The signed-in user the call was made for (withAstraCaller), if any. */
  userId: string | undefined;
};

type Hooks = {
  listeners: Set<(call: AstraCall) => void>;
  today: () => Promise<string>;
  transport: typeof fetch;
  caller: AsyncLocalStorage<string>;
};

const KEY = Symbol.for("astra-nextjs-starter.astra-hooks");
const shared = globalThis as typeof globalThis & { [KEY]?: Hooks };
const hooks = (shared[KEY] ??= {
  listeners: new Set(),
  today: async () => todayInAstraZone(new Date()),
  transport: (input, init) => fetch(input, init),
  caller: new AsyncLocalStorage<string>(),
});

/** Calls `listener` after every answer astraFetch gets; returns the way to stop. */
export function onAstraCall(listener: (call: AstraCall) => void): () => void {
  hooks.listeners.add(listener);
  return () => hooks.listeners.delete(listener);
}

export function notifyAstraCall(call: Omit<AstraCall, "userId">): void {
  const userId = hooks.caller.getStore();
  for (const listener of hooks.listeners) listener({ ...call, userId });
}

/** Runs `run` with its Astra calls attributed to `userId`. */
export function withAstraCaller<T>(userId: string | undefined, run: () => T): T {
  return userId ? hooks.caller.run(userId, run) : run();
}

/** Replaces the real date in Astra's time zone (the emulator's clock can be moved). */
export function setTodayProvider(today: () => Promise<string>): void {
  hooks.today = today;
}

export const readTodayProvider = () => hooks.today();

/** Replaces fetch() for every request to Astra (demo mode answers its own in-process). */
export function setAstraTransport(transport: typeof fetch): void {
  hooks.transport = transport;
}

/** fetch(), or what a plug-in set instead. */
export const astraTransport: typeof fetch = (input, init) => hooks.transport(input, init);
