// The last Astra calls per signed-in user for the developer drawer: no token or query string, bounded in memory.
import "server-only";

export type AstraCallRecord = {
  at: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string | null;
};

export const CALLS_PER_USER = 20;
const USERS_REMEMBERED = 50;

// On globalThis because Next may load this module once per route bundle in one process.
const registry = globalThis as typeof globalThis & {
  __astraRecentCalls?: { callsByUser: Map<string, AstraCallRecord[]> };
};
const { callsByUser } = (registry.__astraRecentCalls ??= { callsByUser: new Map<string, AstraCallRecord[]>() });

function toRecord(call: Omit<AstraCallRecord, "at"> & { at?: string }): AstraCallRecord {
  return {
    at: call.at ?? new Date().toISOString(),
    method: call.method,
    path: call.path.split(/[?#]/)[0] ?? "",
    status: call.status,
    durationMs: Math.max(0, Math.round(call.durationMs)),
    requestId: call.requestId,
  };
}

export function recordAstraCall(call: Omit<AstraCallRecord, "at"> & { at?: string }, userId?: string): void {
  if (!userId) return;
  const calls = callsByUser.get(userId) ?? [];
  callsByUser.delete(userId); // re-inserted below, so Map order is least recently active first
  calls.unshift(toRecord(call));
  calls.length = Math.min(calls.length, CALLS_PER_USER);
  callsByUser.set(userId, calls);
  if (callsByUser.size > USERS_REMEMBERED) callsByUser.delete(callsByUser.keys().next().value!);
}

export function recentAstraCalls(userId: string): AstraCallRecord[] {
  return [...(callsByUser.get(userId) ?? [])];
}

export function forgetAstraCalls(): void {
  callsByUser.clear();
}
