// Due work: what brings the emulator up to "now" (KYC outcomes, routine transfers, settlement, webhooks), run
// every second by the standalone emulator's timer and, where no process lives on (Vercel), after requests under a
// lease so that one instance runs it at a time.
import { randomUUID } from "node:crypto";
import type { Store } from "../store";
import { createAppClocks, type AppClocks, type Clock } from "./clock";
import { createWebhookDispatcher, type WebhookDispatcher } from "../webhooks/dispatcher";

export interface DueWorkResult {
  userIntentsResolved: number;
  transfersCreated: number;
  transfersSettled: number;
  webhooksAttempted: number;
  webhooksDelivered: number;
}

/** One app's due work at `now`, that app's sandbox time. */
export async function runDueWorkForApp(
  store: Store,
  clientId: string,
  now: Date,
  webhooks: WebhookDispatcher = createWebhookDispatcher(store),
): Promise<DueWorkResult> {
  return runDueWorkIn(store, webhooks, now, clientId, null);
}

/**
 * One user's due work at `now`, that user's sandbox time (visitor scope): their KYC outcome, their routines'
 * transfers and settlement, and the webhooks about them. Nobody else's work runs.
 */
export async function runDueWorkForUser(
  store: Store,
  clientId: string,
  userId: string,
  now: Date,
  webhooks: WebhookDispatcher = createWebhookDispatcher(store),
): Promise<DueWorkResult> {
  return runDueWorkIn(store, webhooks, now, clientId, userId);
}

/** The due work of one app, or of one of its users when `userId` is set. */
async function runDueWorkIn(
  store: Store,
  webhooks: WebhookDispatcher,
  now: Date,
  clientId: string,
  userId: string | null,
): Promise<DueWorkResult> {
  // In this order, so a user approved at `now` has their routines activated before the scheduler runs, and the
  // events both record are delivered in the same pass.
  const userIntentsResolved = await store.userIntents.resolveDue(now, clientId, userId);
  const { transfersCreated, transfersSettled } = await store.scheduler.runDue(now, clientId, userId);
  const { attempted, delivered } = await webhooks.deliverDue(now, clientId, userId);
  return {
    userIntentsResolved,
    transfersCreated,
    transfersSettled,
    webhooksAttempted: attempted,
    webhooksDelivered: delivered,
  };
}

/**
 * The due work of every app, and in visitor scope of every user whose clock runs ahead, each at its own clock: the
 * store names those with something due, so idle apps and users cost nothing. Advanced users go first, at their own
 * time; the app's pass then covers everyone else (and what is due at real time).
 */
export async function runDueWork(
  store: Store,
  clocks: AppClocks,
  webhooks: WebhookDispatcher = createWebhookDispatcher(store),
): Promise<void> {
  const base = clocks.base.now();
  const owners = [
    ...(clocks.visitorScope ? await store.dueWork.advancedUsers(base) : []),
    ...(await store.dueWork.apps(base)),
  ];
  for (const { clientId, userId } of owners) {
    const now = await clocks.now(clientId, userId);
    if (userId === null) await runDueWorkForApp(store, clientId, now, webhooks);
    else await runDueWorkForUser(store, clientId, userId, now, webhooks);
  }
}

export interface DueWorkTimer {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs `work` now and then every `intervalMs`, never two runs at once: a slow run makes the next ones skip. */
export function startDueWorkTimer(work: () => Promise<unknown>, intervalMs: number): DueWorkTimer {
  let running: Promise<void> | null = null;
  const runOnce = () => {
    if (running) return;
    running = work()
      .then(
        () => undefined,
        (error: unknown) => console.error("The emulator's due work failed", error),
      )
      .finally(() => {
        running = null;
      });
  };
  runOnce();
  const timer = setInterval(runOnce, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export const DUE_WORK_LEASE = "due-work";
/** The least time between two runs: requests after one within this time skip. */
export const DUE_WORK_SPACING_MS = 1_000;
/** Runs one lease holder makes in a row for callers that found it busy; the next request takes over after. */
const DUE_WORK_MAX_RUNS = 5;
/** How long a run may hold the lease before another instance may assume it died. */
export const DUE_WORK_MAX_MS = 60_000;

export interface DueWorkOptions {
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
export async function runDueWorkIfFree(
  store: Store,
  now: Date = new Date(),
  options: DueWorkOptions = {},
): Promise<boolean> {
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
export async function runMaintenance(
  store: Store,
  now: Date = new Date(),
  options: DueWorkOptions = {},
): Promise<{ dueWorkRan: boolean; visitorsDeleted: number }> {
  const visitorsDeleted = await deleteExpiredVisitors(store, now);
  const dueWorkRan = await runDueWorkIfFree(store, now, options);
  return { dueWorkRan, visitorsDeleted };
}
