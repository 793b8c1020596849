// Tells a signed-in user's open pages (served over /api/astra/events) about Astra events. One interface, two
// relays, chosen in lib/db/app-state.ts: this process's listeners (one server), or a Postgres outbox that every
// instance's streams poll (user-events-postgres.ts), because a webhook and the stream it is for may land on
// different instances.
// The in-process listeners live on globalThis because Next may load this module once per route bundle.
import "server-only";
import type { WebhookType } from "@/lib/astra/schemas";

export type UserEvent = { type: WebhookType; resourceId: string };
/** `id` is the event's place in the outbox, when the relay has one: a stream sends it, and resumes after it. */
export type UserEventListener = (event: UserEvent, id?: string) => void;
/** In process: how many open pages were told. Through the outbox: the event's id (no instance knows who listens). */
export type PublishResult = { notified: number } | { eventId: string };

export type SubscribeOptions = {
  /** Resume after this event id (a reconnecting page's Last-Event-ID); ignored by a relay without ids. */
  afterId?: string;
  /** The relay stopped (a database error): the stream should end, and the browser reconnects. */
  onError?: (error: unknown) => void;
};

export interface UserEventRelay {
  /** Whether a stream can resume where it stopped, so ending one early (before a host's time limit) loses nothing. */
  readonly resumable: boolean;
  publish(userId: string, event: UserEvent): Promise<PublishResult>;
  /** Returns the function that stops listening. */
  subscribe(userId: string, listener: UserEventListener, options?: SubscribeOptions): () => void;
}

const registry = globalThis as typeof globalThis & { __astraUserEvents?: Map<string, Set<UserEventListener>> };
const listeners = (registry.__astraUserEvents ??= new Map());

export function subscribe(userId: string, listener: UserEventListener): () => void {
  const set = listeners.get(userId) ?? new Set<UserEventListener>();
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

export const memoryUserEventRelay: UserEventRelay = {
  resumable: false,
  publish: async (userId, event) => ({ notified: publish(userId, event) }),
  subscribe: (userId, listener) => subscribe(userId, listener),
};
