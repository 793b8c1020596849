// Where plug-ins (lib/plugins.ts) attach to the Astra core. On globalThis: Next bundles proxy.ts,
// instrumentation.ts and the routes apart within one server process.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { todayInAstraZone } from "@/lib/dates";

export type AstraCall = {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string | null;
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

export function onAstraCall(listener: (call: AstraCall) => void): () => void {
  hooks.listeners.add(listener);
  return () => hooks.listeners.delete(listener);
}

export function notifyAstraCall(call: Omit<AstraCall, "userId">): void {
  const userId = hooks.caller.getStore();
  for (const listener of hooks.listeners) listener({ ...call, userId });
}

export function withAstraCaller<T>(userId: string | undefined, run: () => T): T {
  return userId ? hooks.caller.run(userId, run) : run();
}

export function setTodayProvider(today: () => Promise<string>): void {
  hooks.today = today;
}

export const readTodayProvider = () => hooks.today();

export function setAstraTransport(transport: typeof fetch): void {
  hooks.transport = transport;
}

export const astraTransport: typeof fetch = (input, init) => hooks.transport(input, init);
