// The one place that decides where the app's shared state lives: Postgres when DATABASE_URL (or POSTGRES_URL) is
// set, so many instances behave as one; this process's memory otherwise (one server, zero setup).
import "server-only";
import type { Pool } from "pg";
import { createPostgresWebhookIdStore } from "@/lib/astra/webhook-dedupe-postgres";
import { createMemoryWebhookIdStore, type WebhookIdStore } from "@/lib/astra/webhook-dedupe";
import { createPostgresTokenHandOver } from "@/lib/auth/token-hand-over-postgres";
import { createMemoryTokenHandOver, type TokenHandOver } from "@/lib/auth/token-hand-over";
import { getEnv } from "@/lib/env";
import { createPostgresUserEventRelay } from "@/lib/events/user-events-postgres";
import { memoryUserEventRelay, type UserEventRelay } from "@/lib/events/user-events";
import { createMemoryStreamSlots, type StreamSlots } from "@/lib/events/stream-slots";
import { createPostgresStreamSlots } from "@/lib/events/stream-slots-postgres";
import { getDatabasePool } from "./pool";

export type AppState = {
  /** Webhook ids already handled (Astra delivers at least once). */
  webhookIds: WebhookIdStore;
  /** Refreshed tokens handed from the request that refreshed to the session's other requests. */
  tokenHandOver: TokenHandOver;
  /** Astra events on their way to the user's open pages. */
  userEvents: UserEventRelay;
  /** Open live-update streams, capped per user and per client address. */
  streamSlots: StreamSlots;
};

export function createAppState(pool: Pool | null, { authSecret }: { authSecret: string }): AppState {
  if (!pool) {
    return {
      webhookIds: createMemoryWebhookIdStore(),
      tokenHandOver: createMemoryTokenHandOver(),
      userEvents: memoryUserEventRelay,
      streamSlots: createMemoryStreamSlots(),
    };
  }
  return {
    webhookIds: createPostgresWebhookIdStore(pool),
    tokenHandOver: createPostgresTokenHandOver(pool, { secret: authSecret }),
    userEvents: createPostgresUserEventRelay(pool),
    streamSlots: createPostgresStreamSlots(pool),
  };
}

// proxy.ts and the app's routes are separate bundles in one server process: one state for both, on globalThis.
const shared = globalThis as typeof globalThis & { __astraAppState?: AppState };

export function getAppState(): AppState {
  shared.__astraAppState ??= createAppState(getDatabasePool(), getEnv());
  return shared.__astraAppState;
}
