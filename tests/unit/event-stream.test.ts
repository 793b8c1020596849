import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  MAX_STREAMS_PER_ADDRESS,
  MAX_STREAMS_PER_USER,
  openEventStream,
  parseLastEventId,
  RECHECK_MS,
  RESUMABLE_STREAM_MS,
} from "@/lib/events/event-stream";
import { publish, type SubscribeOptions, type UserEventListener, type UserEventRelay } from "@/lib/events/user-events";

// The live-updates stream: a cap on open streams per user, and a session judged again while the stream is open.
let users = 0;
const newSession = (overrides: Partial<JWT> = {}): JWT => {
  users += 1;
  const now = Math.floor(Date.now() / 1000);
  return {
    astraUserId: `usr_stream_${users}`,
    status: "approved",
    accessToken: "a",
    refreshToken: `r-${users}`,
    expiresAt: now + 3600,
    exp: now + 86_400,
    ...overrides,
  };
};

/** Reads what the stream has sent so far, and whether it has ended. */
async function drain(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  // Each read either yields a queued chunk or (when nothing is queued) would wait: race it against a tick.
  for (;;) {
    const next = await Promise.race([
      reader.read(),
      new Promise<"idle">((resolve) => setTimeout(() => resolve("idle"), 0)),
    ]);
    if (next === "idle") break;
    if (next.done) {
      ended = true;
      break;
    }
    text += decoder.decode(next.value);
  }
  reader.releaseLock();
  return { text, ended };
}

beforeEach(() => vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] }));
afterEach(() => vi.useRealTimers());

describe("GET /api/astra/events", () => {
  it("refuses a request without a usable session", async () => {
    expect((await openEventStream(null, new AbortController().signal)).status).toBe(401);
    expect(
      (await openEventStream(newSession({ error: "RefreshTokenError" }), new AbortController().signal)).status,
    ).toBe(401);
    expect((await openEventStream(newSession({ exp: 1 }), new AbortController().signal)).status).toBe(401);
  });

  it(`allows ${MAX_STREAMS_PER_USER} open streams per user, refuses the next with 429, and counts a closed one out`, async () => {
    const session = newSession();
    const tabs = Array.from({ length: MAX_STREAMS_PER_USER }, () => new AbortController());
    for (const tab of tabs) expect((await openEventStream(session, tab.signal)).status).toBe(200);

    const refused = await openEventStream(session, new AbortController().signal);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/At most 5 pages/);
    // Another user is not affected.
    expect((await openEventStream(newSession(), new AbortController().signal)).status).toBe(200);

    tabs[0]!.abort();
    expect((await openEventStream(session, new AbortController().signal)).status).toBe(200);
    for (const tab of tabs) tab.abort();
  });

  it(`allows ${MAX_STREAMS_PER_ADDRESS} open streams per address, whoever is signed in, and refuses the next`, async () => {
    const tabs = Array.from({ length: MAX_STREAMS_PER_ADDRESS }, () => new AbortController());
    const address = "2001:db8:5:5::/64";
    for (const tab of tabs) expect((await openEventStream(newSession(), tab.signal, { address })).status).toBe(200);
    const refused = await openEventStream(newSession(), new AbortController().signal, { address });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/from one network/);
    expect((await openEventStream(newSession(), new AbortController().signal, { address: "203.0.113.9" })).status).toBe(
      200,
    );
    tabs[0]!.abort();
    expect((await openEventStream(newSession(), new AbortController().signal, { address })).status).toBe(200);
    for (const tab of tabs) tab.abort();
  });

  it("relays the user's events and closes the stream once the session's access token has expired", async () => {
    const now = Math.floor(Date.now() / 1000);
    const session = newSession({ expiresAt: now + RECHECK_MS / 1000 + 5 });
    const tab = new AbortController();
    const response = await openEventStream(session, tab.signal);
    publish(session.astraUserId as string, { type: "transfer_updated", resourceId: "trf_1" });
    expect((await drain(response)).text).toContain('data: {"type":"transfer_updated","resourceId":"trf_1"}');

    vi.advanceTimersByTime(RECHECK_MS);
    expect(await drain(response)).toEqual({ text: ": keep-alive\n\n", ended: false });
    vi.advanceTimersByTime(RECHECK_MS);
    expect((await drain(response)).ended).toBe(true);
    // It no longer counts against the cap, and no longer listens.
    expect(publish(session.astraUserId as string, { type: "transfer_updated", resourceId: "trf_2" })).toBe(0);
  });
});

/** A relay that resumes (as the Postgres outbox does), driven by hand. */
function resumableRelay() {
  const seen: { listener?: UserEventListener; options?: SubscribeOptions; stopped: boolean } = { stopped: false };
  const relay: UserEventRelay = {
    resumable: true,
    publish: async () => ({ eventId: "1" }),
    subscribe(_userId, listener, options) {
      Object.assign(seen, { listener, options });
      return () => {
        seen.stopped = true;
      };
    },
  };
  return { relay, seen };
}

/** Everything the stream sends until it ends. */
async function readToEnd(response: Response) {
  let text = "";
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value);
  return text;
}

describe("a stream over a resumable relay (DATABASE_URL)", () => {
  it("resumes after the Last-Event-ID, sends each event's id, and ends (to be reconnected) when the relay fails", async () => {
    const { relay, seen } = resumableRelay();
    const response = await openEventStream(newSession(), new AbortController().signal, { lastEventId: "41", relay });
    expect(seen.options?.afterId).toBe("41");
    seen.listener!({ type: "transfer_updated", resourceId: "trf_9" }, "42");
    seen.options!.onError!(new Error("connection lost"));
    expect(await readToEnd(response)).toContain(
      'id: 42\nevent: astra\ndata: {"type":"transfer_updated","resourceId":"trf_9"}\n\n',
    );
    expect(seen.stopped).toBe(true);
  });

  it("ends itself before the host's time limit, so the browser reconnects instead of being cut off", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout", "Date"] });
    const { relay, seen } = resumableRelay();
    const response = await openEventStream(newSession(), new AbortController().signal, { relay });
    vi.advanceTimersByTime(RESUMABLE_STREAM_MS);
    expect(await readToEnd(response)).toContain(": keep-alive");
    expect(seen.stopped).toBe(true);
  });

  it("takes only an outbox id from the Last-Event-ID header", () => {
    expect(parseLastEventId("1234")).toBe("1234");
    for (const header of [null, "", "-1", "12a", "1".repeat(19), "1 OR 1=1"]) {
      expect(parseLastEventId(header)).toBeUndefined();
    }
  });
});
