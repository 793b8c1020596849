// Brings the sandbox up to "now": KYC outcomes resolve, routines make their due transfers, pending transfers
// settle, and due webhooks go out. The running emulator calls it every second; advancing the clock calls it once.
import type { Store } from "../store";
import { createWebhookDispatcher, type WebhookDispatcher } from "../webhooks/dispatcher";

export interface DueWorkResult {
  userIntentsResolved: number;
  transfersCreated: number;
  transfersSettled: number;
  webhooksAttempted: number;
  webhooksDelivered: number;
}

export async function runDueWork(
  store: Store,
  now: Date,
  webhooks: WebhookDispatcher = createWebhookDispatcher(store),
): Promise<DueWorkResult> {
  // In this order, so a user approved at `now` has their routines activated before the scheduler runs, and the
  // events both record are delivered in the same pass.
  const userIntentsResolved = await store.userIntents.resolveDue(now);
  const { transfersCreated, transfersSettled } = await store.scheduler.runDue(now);
  const { attempted, delivered } = await webhooks.deliverDue(now);
  return { userIntentsResolved, transfersCreated, transfersSettled, webhooksAttempted: attempted, webhooksDelivered: delivered };
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
