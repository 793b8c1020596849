import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventStream } from "@/lib/events/event-stream";
import { createPostgresUserEventRelay } from "@/lib/events/user-events-postgres";
import type { UserEventRelay } from "@/lib/events/user-events";
import { createTestDatabase, type TestDatabase } from "./database";

// The live-update relay through the Postgres outbox: a webhook handled on one instance reaches a stream open on
// another, and a reconnecting page resumes after its Last-Event-ID.
let db: TestDatabase;
let a: UserEventRelay;
let b: UserEventRelay;
beforeAll(async () => {
  db = await createTestDatabase();
  // A short poll keeps the test quick; the app polls every 1.5 s.
  a = createPostgresUserEventRelay(db.instance(), { pollMs: 25 });
  b = createPostgresUserEventRelay(db.instance(), { pollMs: 25 });
});
afterAll(() => db?.drop());

const session = (astraUserId: string): JWT => {
  const now = Math.floor(Date.now() / 1000);
  return {
    astraUserId,
    status: "approved",
    accessToken: "a",
    refreshToken: "r",
    expiresAt: now + 3600,
    exp: now + 86_400,
  };
};

type Message = { id?: string; data?: string };

/** Reads server-sent messages until `enough` says so (the test's timeout bounds the wait). */
async function readUntil(response: Response, enough: (messages: Message[]) => boolean): Promise<Message[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: Message[] = [];
  let buffer = "";
  while (!enough(messages)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const message: Message = {};
      for (const line of buffer.slice(0, end).split("\n")) {
        if (line.startsWith("id: ")) message.id = line.slice(4);
        if (line.startsWith("data: ")) message.data = line.slice(6);
      }
      buffer = buffer.slice(end + 2);
      if (message.data) messages.push(message);
    }
  }
  reader.releaseLock();
  return messages;
}

const resourcesOf = (messages: Message[]) => messages.map((message) => JSON.parse(message.data!).resourceId);

describe("live updates through the Postgres outbox", () => {
  it("resumes after the Last-Event-ID, and delivers a publish on one instance to a stream on another", async () => {
    const user = "usr_outbox_1";
    const first = await a.publish(user, { type: "transfer_updated", resourceId: "trf_1" });
    await a.publish(user, { type: "transfer_updated", resourceId: "trf_2" });
    await a.publish("usr_someone_else", { type: "transfer_updated", resourceId: "trf_not_yours" });
    await b.publish(user, { type: "routine_updated", resourceId: "rtn_3" });
    expect(first).toHaveProperty("eventId");
    const lastEventId = (first as { eventId: string }).eventId;

    const tab = new AbortController();
    const stream = await openEventStream(session(user), tab.signal, { lastEventId, relay: b });
    expect(stream.status).toBe(200);
    const resumed = await readUntil(stream, (messages) => messages.length >= 2);
    expect(resourcesOf(resumed)).toEqual(["trf_2", "rtn_3"]);
    expect(resumed.every((message) => BigInt(message.id!) > BigInt(lastEventId))).toBe(true);
    expect(JSON.parse(resumed[0]!.data!)).toEqual({ type: "transfer_updated", resourceId: "trf_2" });

    // A webhook handled by instance A while the page listens on instance B.
    await a.publish(user, { type: "transfer_updated", resourceId: "trf_live" });
    const live = await readUntil(stream, (messages) => messages.length >= 1);
    expect(resourcesOf(live)).toEqual(["trf_live"]);
    tab.abort();
  });

  it("starts a new page (no Last-Event-ID) at the present, not an hour back", async () => {
    const user = "usr_outbox_2";
    await a.publish(user, { type: "transfer_updated", resourceId: "trf_before" });
    const tab = new AbortController();
    const stream = await openEventStream(session(user), tab.signal, { relay: b });
    // The stream learns where "now" is on its first poll, and a publish just before that is not for it: publish
    // until one arrives. Replaying from the start would deliver trf_before first.
    const publishing = (async () => {
      for (let i = 0; i < 200 && !tab.signal.aborted; i += 1) {
        await a.publish(user, { type: "transfer_updated", resourceId: `trf_after_${i}` });
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const messages = await readUntil(stream, (received) => received.length >= 1);
    tab.abort();
    await publishing;
    expect(resourcesOf(messages)[0]).toMatch(/^trf_after_/);
  });
});
