// Tells a user's open pages about Astra events: in-process listeners (on globalThis, shared by route bundles), or
// a Postgres outbox, since a webhook and its stream may land on different instances.
import "server-only";
import type { WebhookType } from "@/lib/astra/schemas";

export type UserEvent = { type: WebhookType; resourceId: string };
export type UserEventListener = (event: UserEvent, id?: string) => void;
export type PublishResult = { notified: number } | { eventId: string };

export type SubscribeOptions = {
  afterId?: string;
  onError?: (error: unknown) => void;
};

export interface UserEventRelay {
  readonly resumable: boolean;
  publish(userId: string, event: UserEvent): Promise<PublishResult>;
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
    if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
  };
}

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
