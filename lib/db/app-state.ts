// Where the app's shared state lives: Postgres when DATABASE_URL is set, so many instances act as one; else memory.
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
  webhookIds: WebhookIdStore;
  tokenHandOver: TokenHandOver;
  userEvents: UserEventRelay;
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
