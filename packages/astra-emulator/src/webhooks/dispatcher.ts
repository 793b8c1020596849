// Sends recorded webhook events to each app's webhook URL, signed, and retries failures with doubling delays
// under the same webhook_id. Astra's webhooks page (2026-04-03): a 10 s timeout per request, anything but a 200
// (or no answer) is retried, up to 10 times, each gap twice the last, over a 5-hour window. `fetch` is
// injectable and every time comes from the caller, so tests can drive delivery deterministically.
import type { Store } from "../store";
import type { Attempt, DeliveryRecord, RoutedEvent } from "../store/webhooks";
import { serializeWebhookPayload, signWebhookBody, type SentWebhookPayload } from "./signature";

export const MAX_RETRIES = 10;
// Ten strictly doubling gaps sum to (2^10 - 1) = 1023 first gaps; 5 h = 18,000 s, so the first is ~17.6 s.
export const RETRY_BASE_MS = 17_600;
export const DELIVERY_TIMEOUT_MS = 10_000;
export const USER_AGENT = "AstraSandboxEmulator";
/** Events sent per run; the rest wait for the next pass. */
const BATCH_SIZE = 20;
/** Longer than any attempt can take, so a leased event is only picked up again if its run died. */
const LEASE_MS = 60_000;

/** Delay before retry number `retry` (1-based): 17.6 s, 35.2 s … 9011.2 s; null once the retries are used up. */
export function retryDelayMs(retry: number): number | null {
  return retry >= 1 && retry <= MAX_RETRIES ? RETRY_BASE_MS * 2 ** (retry - 1) : null;
}

export interface DispatcherOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
}

export type ReplayResult =
  { ok: true; delivery: DeliveryRecord } | { ok: false; reason: "not_found" | "no_webhook_url" };

/** Astra retries "a non-200 response or no response": a 201, 202 or 204 is not a delivery. */
const isSuccess = (status: number | null) => status === 200;

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No response within ${timeoutMs} ms.`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : message;
}

export function createWebhookDispatcher(store: Store, options: DispatcherOptions = {}) {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;

  async function post(event: RoutedEvent, url: string): Promise<Attempt> {
    const payload: SentWebhookPayload = {
      webhook_type: event.type,
      resource_id: event.resourceId,
      user_id: event.userId,
      webhook_id: event.webhookId,
      ...(event.metadata ? { metadata: event.metadata } : {}),
    };
    const body = serializeWebhookPayload(payload);
    const started = performance.now();
    const duration = () => Math.round(performance.now() - started);
    try {
      const response = await send(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Astra-Verification": signWebhookBody(body, event.clientSecret),
          "User-Agent": USER_AGENT,
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return { url, statusCode: response.status, error: null, durationMs: duration() };
    } catch (error) {
      return { url, statusCode: null, error: describeFailure(error, timeoutMs), durationMs: duration() };
    }
  }

  async function attemptScheduled(event: RoutedEvent, now: Date): Promise<boolean> {
    if (!event.url) return false;
    const attempt = await post(event, event.url);
    const delivered = isSuccess(attempt.statusCode);
    const delay = retryDelayMs(event.attempts + 1);
    const nextAttemptAt = delivered || delay === null ? null : new Date(now.getTime() + delay);
    await store.webhooks.recordAttempt(event.webhookId, attempt, { delivered, nextAttemptAt }, now);
    return delivered;
  }

  return {
    /**
     * Sends what is due at `now` (new events and retries whose time has come), in parallel; one app's if given,
     * or one user's (visitor scope).
     */
    async deliverDue(now: Date, clientId: string | null = null, userId: string | null = null): Promise<DeliveryRun> {
      const events = await store.webhooks.claimDue(now, BATCH_SIZE, LEASE_MS, clientId, userId);
      const results = await Promise.all(events.map((event) => attemptScheduled(event, now)));
      return { attempted: events.length, delivered: results.filter(Boolean).length };
    },
    /** Sends one of the app's events again right away, under its webhook_id; retries are not rescheduled. */
    async replay(clientId: string, webhookId: string, now: Date): Promise<ReplayResult> {
      const event = await store.webhooks.findForClient(clientId, webhookId);
      if (!event) return { ok: false, reason: "not_found" };
      if (!event.url) return { ok: false, reason: "no_webhook_url" };
      const attempt = await post(event, event.url);
      const delivery = await store.webhooks.recordReplay(webhookId, attempt, isSuccess(attempt.statusCode), now);
      if (!delivery) return { ok: false, reason: "not_found" };
      return { ok: true, delivery };
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
