// Brings the sandbox up to "now": KYC outcomes resolve, routines make their due transfers, pending transfers
// settle, and due webhooks go out. Each app runs at its own clock (lib/clock.ts), so one app's time travel
// never moves another's. The running emulator calls runDueWork every second; advancing a clock runs that app.
import type { Store } from "../store";
import { createWebhookDispatcher, type WebhookDispatcher } from "../webhooks/dispatcher";
import type { AppClocks } from "./clock";

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

export interface Ticker {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs `work` now and then every `intervalMs`, never two runs at once: a slow run makes the next ticks skip. */
export function startTicker(work: () => Promise<unknown>, intervalMs: number): Ticker {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = work()
      .then(
        () => undefined,
        (error: unknown) => console.error("Sandbox background work failed", error),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
