// In-process fan-out of Astra events to the signed-in user's open pages (served over /api/astra/events).
// Kept on globalThis because Next may load this module once per route bundle within one server process.
import "server-only";
import type { WebhookType } from "@/lib/astra/schemas";

export type UserEvent = { type: WebhookType; resourceId: string };
type Listener = (event: UserEvent) => void;

const registry = globalThis as typeof globalThis & { __astraUserEvents?: Map<string, Set<Listener>> };
const listeners = (registry.__astraUserEvents ??= new Map());

export function subscribe(userId: string, listener: Listener): () => void {
  const set = listeners.get(userId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(userId, set);
  return () => {
    set.delete(listener);
    // Only drop the set this call belongs to, never one a newer page made.
    if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
  };
}

/** Returns how many open pages were told. */
export function publish(userId: string, event: UserEvent): number {
  const set = listeners.get(userId);
  for (const listener of set ?? []) listener(event);
  return set?.size ?? 0;
}
