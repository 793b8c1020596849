// The app's last Astra calls per signed-in user, kept in this server process's memory for the developer
// drawer. Only what helps debugging is kept (never a token or a query string), and both the calls per user and
// the users remembered are bounded, so a long-running dev server cannot grow without end.
import "server-only";

export type AstraCallRecord = {
  at: string;
  method: string;
  /** The path only: query strings can carry ids or filters a screenshot should not show. */
  path: string;
  status: number;
  durationMs: number;
  requestId: string | null;
};

export const CALLS_PER_USER = 20;
const USERS_REMEMBERED = 50;

// Kept on globalThis because Next may load this module once per route bundle within one server process: the
// pages that call Astra and the route handler that lists the calls must see one buffer.
const registry = globalThis as typeof globalThis & {
  __astraRecentCalls?: { callsByUser: Map<string, AstraCallRecord[]> };
};
const { callsByUser } = (registry.__astraRecentCalls ??= { callsByUser: new Map<string, AstraCallRecord[]>() });

/** Picks the fields to keep, so whatever else a caller passes (headers, tokens) is never stored. */
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

/** Registered as an Astra call listener (lib/dev-tools/register.ts); a call made for nobody is not kept. */
export function recordAstraCall(call: Omit<AstraCallRecord, "at"> & { at?: string }, userId?: string): void {
  if (!userId) return;
  const calls = callsByUser.get(userId) ?? [];
  callsByUser.delete(userId); // re-inserted below, so Map order is least recently active first
  calls.unshift(toRecord(call));
  calls.length = Math.min(calls.length, CALLS_PER_USER);
  callsByUser.set(userId, calls);
  if (callsByUser.size > USERS_REMEMBERED) callsByUser.delete(callsByUser.keys().next().value!);
}

/** Newest first. */
export function recentAstraCalls(userId: string): AstraCallRecord[] {
  return [...(callsByUser.get(userId) ?? [])];
}

export function forgetAstraCalls(): void {
  callsByUser.clear();
}
