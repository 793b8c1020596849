// The live-updates stream (GET /api/astra/events), capped per user and per address, open while the session is good.
import "server-only";
import type { JWT } from "next-auth/jwt";
import { latestTokens } from "@/lib/auth/refresh-token";
import { getAppState } from "@/lib/db/app-state";
import { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_USER, type StreamSlots } from "./stream-slots";
import type { UserEventRelay } from "./user-events";

// Past a cap a stream is refused rather than evicting the oldest: reconnecting tabs would evict each other forever.
export { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_USER };
export const RECHECK_MS = 25_000;
/** Ends before the host's 300 s limit, so the browser reconnects with its Last-Event-ID instead of being cut off. */
export const RESUMABLE_STREAM_MS = 280_000;

/** A lapsed access token closes the stream; the browser's reconnect goes through proxy.ts, which refreshes. */
export function sessionAllowsStream(session: JWT | null, nowSeconds: number): session is JWT & { astraUserId: string } {
  if (!session?.astraUserId || session.error || !session.accessToken) return false;
  if (typeof session.exp === "number" && session.exp <= nowSeconds) return false;
  return session.expiresAt === undefined || session.expiresAt > nowSeconds;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function parseLastEventId(header: string | null | undefined): string | undefined {
  return header && /^[0-9]{1,18}$/.test(header) ? header : undefined;
}

export type EventStreamOptions = {
  lastEventId?: string;
  relay?: UserEventRelay;
  address?: string;
  slots?: StreamSlots;
};

const REFUSALS = {
  user: `At most ${MAX_STREAMS_PER_USER} pages get live updates at once; close another tab or reload later.`,
  address: `At most ${MAX_STREAMS_PER_ADDRESS} pages from one network get live updates at once; reload later.`,
};

export async function openEventStream(
  session: JWT | null,
  signal: AbortSignal,
  { lastEventId, relay, address = "unknown", slots }: EventStreamOptions = {},
): Promise<Response> {
  if (!sessionAllowsStream(session, nowSeconds())) {
    return Response.json({ error: "Sign in with Astra first." }, { status: 401 });
  }
  const userId = session.astraUserId;
  const state = relay && slots ? null : getAppState();
  const userEvents = relay ?? state!.userEvents;
  const streamSlots = slots ?? state!.streamSlots;
  const slot = await streamSlots.acquire(userId, address);
  if (!slot.ok) return Response.json({ error: REFUSALS[slot.refusal] }, { status: 429 });

  const encoder = new TextEncoder();
  let closed = false;
  let end = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      send("retry: 3000\n\n");
      const unsubscribe = userEvents.subscribe(
        userId,
        (event, id) => send(`${id ? `id: ${id}\n` : ""}event: astra\ndata: ${JSON.stringify(event)}\n\n`),
        { afterId: lastEventId, onError: () => end() },
      );
      const lifetime = userEvents.resumable ? setTimeout(() => end(), RESUMABLE_STREAM_MS) : undefined;
      const recheck = setInterval(() => {
        // Another request may have refreshed the tokens since this stream opened: judge the newest.
        if (!sessionAllowsStream(latestTokens(session), nowSeconds())) return end();
        send(": keep-alive\n\n");
        streamSlots.renew(slot.id).catch(() => end());
      }, RECHECK_MS);
      end = () => {
        if (closed) return;
        closed = true;
        clearInterval(recheck);
        clearTimeout(lifetime);
        unsubscribe();
        streamSlots.release(slot.id).catch(() => undefined);
        try {
          controller.close();
        } catch {}
      };
      signal.addEventListener("abort", () => end());
      if (signal.aborted) end();
    },
    cancel() {
      end();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
    },
  });
}
