// Time without timers, for a host with no long-lived process (the hosted demo on Vercel): due work runs after
// requests and from a daily cron instead of every second, and a short lease row makes sure that of all the
// instances sharing one database only one runs it at a time. The standalone emulator keeps its ticker (tick.ts).
import { randomUUID } from "node:crypto";
import type { Store } from "../store";
import { createWebhookDispatcher, type WebhookDispatcher } from "../webhooks/dispatcher";
import { createAppClocks, type Clock } from "./clock";
import { runDueWork } from "./tick";

export const DUE_WORK_LEASE = "due-work";
/** The least time between two runs: requests after one within this time skip. */
export const DUE_WORK_SPACING_MS = 1_000;
/** Runs one lease holder makes in a row for callers that found it busy; the next request takes over after. */
const DUE_WORK_MAX_RUNS = 5;
/** How long a run may hold the lease before another instance may assume it died. */
export const DUE_WORK_MAX_MS = 60_000;

export interface TickOptions {
  /** As the app was built with (AppOptions.visitorScope): each advanced visitor's work runs at their own time. */
  visitorScope?: boolean;
  /** How webhooks are POSTed (the hosted entry delivers them to the app in-process). */
  webhookFetch?: typeof fetch;
  /** Or the dispatcher itself, as the emulator's routes hold it (Deps.webhooks). */
  webhooks?: WebhookDispatcher;
}

/**
 * Runs the due work (KYC outcomes, routine transfers, settlement, webhook deliveries and retries) at `now`, real
 * time, unless another caller ran it within the last second or is running it now. Returns whether this call ran.
 */
export async function tickIfDue(store: Store, now: Date = new Date(), options: TickOptions = {}): Promise<boolean> {
  const holder = randomUUID();
  const taken = await store.leases.take(DUE_WORK_LEASE, holder, now, new Date(now.getTime() + DUE_WORK_MAX_MS));
  if (!taken) return false;
  const base: Clock = { now: () => now };
  const clocks = createAppClocks(base, store.appClocks, options.visitorScope ? store.userClocks : undefined);
  const webhooks = options.webhooks ?? createWebhookDispatcher(store, { fetch: options.webhookFetch });
  // From now on the lease only spaces runs: one second from this run's start (already past after a long run).
  const release = () => store.leases.release(DUE_WORK_LEASE, holder, new Date(now.getTime() + DUE_WORK_SPACING_MS));
  for (let run = 1; ; run += 1) {
    try {
      await runDueWork(store, clocks, webhooks);
    } catch (error) {
      while (await release());
      throw error;
    }
    // Another caller came while this ran, and its request may have made work this run had passed: run again.
    if (!(await release())) return true;
    if (run === DUE_WORK_MAX_RUNS) {
      while (await release());
      return true;
    }
  }
}

/** How long a visitor's data lives : the cron deletes visitors older than this. */
export const VISITOR_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const VISITOR_CLEANUP_LEASE = "visitor-cleanup";
/** How often requests delete expired visitors: the cron is daily at best, and may not be set up at all. */
export const VISITOR_CLEANUP_SPACING_MS = 60 * 60 * 1000;

/**
 * Deletes visitors older than 24 hours, at most once an hour across all instances (a lease row), so the demo
 * cleans up after itself even where no cron runs. Returns how many were deleted (0 when another run was recent).
 */
export async function cleanUpVisitorsIfDue(store: Store, now: Date = new Date()): Promise<number> {
  const until = new Date(now.getTime() + VISITOR_CLEANUP_SPACING_MS);
  if (!(await store.leases.take(VISITOR_CLEANUP_LEASE, randomUUID(), now, until))) return 0;
  return deleteExpiredVisitors(store, now);
}

/** Deletes the visitors created more than VISITOR_LIFETIME_MS before `now`; returns how many. */
function deleteExpiredVisitors(store: Store, now: Date): Promise<number> {
  return store.visitors.deleteCreatedBefore(new Date(now.getTime() - VISITOR_LIFETIME_MS));
}

/** The daily safety net: due work (lease permitting) and deleting visitors older than 24 hours. */
export async function runScheduledMaintenance(
  store: Store,
  now: Date = new Date(),
  options: TickOptions = {},
): Promise<{ dueWorkRan: boolean; visitorsDeleted: number }> {
  const visitorsDeleted = await deleteExpiredVisitors(store, now);
  const dueWorkRan = await tickIfDue(store, now, options);
  return { dueWorkRan, visitorsDeleted };
}
