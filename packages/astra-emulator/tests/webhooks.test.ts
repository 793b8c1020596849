import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookPayloadSchema } from "../src/wire-schemas";
import { createWebhookDispatcher, MAX_RETRIES, retryDelayMs } from "../src/webhooks/dispatcher";
import { verifyWebhookSignature } from "../src/webhooks/signature";
import {
  authorizeUrl,
  basicAuth,
  createIntent,
  createTestEmulator,
  DEFAULT_APP,
  SEED_USER_PHONE,
  intentBody,
  KYC_IP,
  newIntentId,
  setWebhookUrl as setSandboxWebhookUrl,
  signInAt,
  startWebhookReceiver,
  type TestEmulator,
} from "./helpers";

interface Received {
  url: string;
  headers: Headers;
  body: string;
}

/** A fetch that records each webhook POST and answers with the next status from `statuses` (the last repeats). */
function fakeReceiver(statuses: number[]) {
  const received: Received[] = [];
  const fetch: typeof globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    received.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
    const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
    return new Response(null, { status });
  };
  return { received, fetch };
}

let sandbox: TestEmulator;
let seedUserId: string;
const control = (path: string, init: RequestInit = {}) =>
  sandbox.app.request(path, { ...init, headers: { Authorization: basicAuth(), ...init.headers } });

/** Records one user_updated event through the control API and returns its webhook_id. */
async function recordEvent(status: "suspended" | "approved" = "suspended"): Promise<string> {
  const response = await control(`/sandbox/users/${seedUserId}/status`, {
    method: "POST",
    body: JSON.stringify({ status }),
  });
  expect(response.status).toBe(200);
  const log = (await (await control("/sandbox/webhooks")).json()) as { webhooks: { webhook_id: string }[] };
  const newest = log.webhooks[0];
  if (!newest) throw new Error("no webhook event was recorded");
  return newest.webhook_id;
}

const setWebhookUrl = (url: string | null) => setSandboxWebhookUrl(sandbox, url);

beforeEach(async () => {
  sandbox = createTestEmulator();
  const user = await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
  if (!user) throw new Error("seeded user missing");
  seedUserId = user.id;
});

describe("webhook delivery", () => {
  it("POSTs due events once, signed with the app's secret, in Python's json.dumps format", async () => {
    const webhookId = await recordEvent();
    const receiver = fakeReceiver([200]);
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: receiver.fetch });

    expect(await dispatcher.deliverDue(sandbox.clock.now())).toEqual({ attempted: 1, delivered: 1 });
    expect(await dispatcher.deliverDue(sandbox.clock.now())).toEqual({ attempted: 0, delivered: 0 });

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error("unreachable");
    expect(request.url).toBe("http://localhost:3000/api/webhooks/astra");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("user-agent")).toBe("AstraSandboxEmulator");
    expect(request.body).toBe(
      `{"webhook_type": "user_updated", "resource_id": "${seedUserId}", "user_id": "${seedUserId}", "webhook_id": "${webhookId}"}`,
    );
    expect(webhookPayloadSchema.parse(JSON.parse(request.body)).webhook_id).toBe(webhookId);
    const signature = request.headers.get("astra-verification") ?? "";
    expect(verifyWebhookSignature(request.body, signature, DEFAULT_APP.clientSecret)).toBe(true);

    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks[0]).toMatchObject({ webhook_id: webhookId, state: "delivered", attempts: 1 });
    expect(log.webhooks[0].deliveries).toEqual([expect.objectContaining({ status_code: 200, error: null })]);
  });

  it("retries anything but a 200 after 17.6, 35.2, 70.4 s under the same webhook_id until a 200", async () => {
    const webhookId = await recordEvent();
    const receiver = fakeReceiver([500, 204, 201, 200]);
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: receiver.fetch });
    const start = sandbox.clock.now().getTime();
    const at = (seconds: number) => new Date(start + seconds * 1000);

    expect((await dispatcher.deliverDue(at(0))).attempted).toBe(1);
    expect((await dispatcher.deliverDue(at(17.599))).attempted).toBe(0);
    expect(await dispatcher.deliverDue(at(17.6))).toEqual({ attempted: 1, delivered: 0 });
    expect((await dispatcher.deliverDue(at(52.799))).attempted).toBe(0);
    expect(await dispatcher.deliverDue(at(52.8))).toEqual({ attempted: 1, delivered: 0 });
    expect((await dispatcher.deliverDue(at(123.199))).attempted).toBe(0);
    expect(await dispatcher.deliverDue(at(123.2))).toEqual({ attempted: 1, delivered: 1 });
    expect((await dispatcher.deliverDue(at(100_000))).attempted).toBe(0);

    const ids = receiver.received.map((request) => JSON.parse(request.body).webhook_id);
    expect(ids).toEqual([webhookId, webhookId, webhookId, webhookId]);
    const { items } = await sandbox.store.webhooks.listForClient(DEFAULT_APP.clientId, {
      page: 1,
      pageSize: 10,
      offset: 0,
    });
    expect(items[0]?.deliveries.map((delivery) => delivery.statusCode)).toEqual([500, 204, 201, 200]);
    expect(items[0]?.deliveries.map((delivery) => delivery.attemptedAt.getTime() - start)).toEqual([
      0, 17_600, 52_800, 123_200,
    ]);
    expect(items[0]?.deliveredAt?.getTime()).toBe(start + 123_200);
  });

  it("does not count a replay answered 204 as delivered", async () => {
    const webhookId = await recordEvent();
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: fakeReceiver([204]).fetch });
    const result = await dispatcher.replay(DEFAULT_APP.clientId, webhookId, sandbox.clock.now());
    expect(result).toMatchObject({ ok: true, delivery: { statusCode: 204 } });
    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks[0]).toMatchObject({ webhook_id: webhookId, delivered_at: null });
  });

  it("gives up after 10 retries with doubling delays, and records network errors", async () => {
    await recordEvent();
    let calls = 0;
    const failing = (async () => {
      calls += 1;
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch;
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: failing });
    let now = sandbox.clock.now().getTime();
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= MAX_RETRIES + 1; attempt += 1) {
      expect((await dispatcher.deliverDue(new Date(now))).attempted).toBe(1);
      const { items } = await sandbox.store.webhooks.listForClient(DEFAULT_APP.clientId, {
        page: 1,
        pageSize: 10,
        offset: 0,
      });
      const next = items[0]?.nextAttemptAt?.getTime();
      if (next === undefined) break;
      gaps.push(next - now);
      now = next;
    }
    expect(calls).toBe(11);
    expect(gaps).toEqual(
      [17.6, 35.2, 70.4, 140.8, 281.6, 563.2, 1126.4, 2252.8, 4505.6, 9011.2].map((s) => Math.round(s * 1000)),
    );
    // Astra's "5-hour retry window": the ten gaps add up to 1023 x 17.6 s = 5 h 0 min 4.8 s.
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBe(18_004_800);
    expect(retryDelayMs(MAX_RETRIES + 1)).toBeNull();
    expect((await dispatcher.deliverDue(new Date(now + 10 * 86_400_000))).attempted).toBe(0);

    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks[0]).toMatchObject({
      state: "given_up",
      attempts: 11,
      next_attempt_at: null,
      delivered_at: null,
    });
    expect(log.webhooks[0].deliveries[0]).toMatchObject({ status_code: null, error: "fetch failed (ECONNREFUSED)" });
  });

  it("echoes the user intent's metadata on user_intent_updated and user_updated, and only there", async () => {
    const metadata = { campaign: "spring", "note.1": "n\u00famero 7" };
    const created = await createIntent(
      sandbox.app,
      intentBody({ ip_address: KYC_IP.pending, phone: "+12025550190", metadata }),
    );
    const intentId = ((await created.json()) as { id: string }).id;
    const plain = await newIntentId(sandbox.app, { ip_address: KYC_IP.pending, phone: "+12025550191" });
    sandbox.clock.advance(10_000);
    await sandbox.store.userIntents.resolveDue(sandbox.clock.now());
    await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), "2025550190");
    const userId = (await sandbox.store.users.findByPhone(DEFAULT_APP.clientId, "2025550190"))?.id ?? "";
    await control(`/sandbox/users/${userId}/status`, { method: "POST", body: JSON.stringify({ status: "suspended" }) });

    const receiver = fakeReceiver([200]);
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: receiver.fetch });
    await dispatcher.deliverDue(sandbox.clock.now());
    const bodies = receiver.received.map((request) => request.body);
    const of = (type: string, resource: string) =>
      bodies.filter(
        (body) => body.includes(`"webhook_type": "${type}"`) && body.includes(`"resource_id": "${resource}"`),
      );
    const echoed = ', "metadata": {"campaign": "spring", "note.1": "n\\u00famero 7"}}';
    expect(of("user_intent_updated", intentId).length).toBeGreaterThan(0);
    for (const body of [...of("user_intent_updated", intentId), ...of("user_updated", userId)]) {
      expect(body.endsWith(echoed), body).toBe(true);
      expect(JSON.parse(body).metadata).toEqual(metadata);
    }
    expect(of("user_updated", userId)).toHaveLength(1);
    expect(of("user_intent_updated", plain).map((body) => JSON.parse(body))).toEqual([
      { webhook_type: "user_intent_updated", resource_id: plain, user_id: plain, webhook_id: expect.any(String) },
    ]);
    for (const request of receiver.received) {
      const signature = request.headers.get("astra-verification") ?? "";
      expect(verifyWebhookSignature(request.body, signature, DEFAULT_APP.clientSecret)).toBe(true);
    }
  });

  it("waits up to Astra's 10 seconds for an answer by default", async () => {
    await recordEvent();
    let signal: AbortSignal | null | undefined;
    const timedOut = (async (_input: unknown, init?: RequestInit) => {
      signal = init?.signal;
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    }) as typeof fetch;
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: timedOut });
    expect(await dispatcher.deliverDue(sandbox.clock.now())).toEqual({ attempted: 1, delivered: 0 });
    expect(signal).toBeInstanceOf(AbortSignal);
    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks[0].deliveries[0].error).toBe("No response within 10000 ms.");
  });

  it("records a receiver that does not answer in time as a failed attempt", async () => {
    await recordEvent();
    const hanging = ((_input: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as typeof fetch;
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: hanging, timeoutMs: 50 });
    expect(await dispatcher.deliverDue(sandbox.clock.now())).toEqual({ attempted: 1, delivered: 0 });
    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks[0]).toMatchObject({ state: "retrying" });
    expect(log.webhooks[0].deliveries[0].error).toBe("No response within 50 ms.");
  });

  it("keeps events of an app without a webhook URL and never attempts them", async () => {
    await setWebhookUrl(null);
    const webhookId = await recordEvent();
    const receiver = fakeReceiver([200]);
    const dispatcher = createWebhookDispatcher(sandbox.store, { fetch: receiver.fetch });
    expect(await dispatcher.deliverDue(new Date(sandbox.clock.now().getTime() + 3_600_000))).toEqual({
      attempted: 0,
      delivered: 0,
    });
    expect(receiver.received).toHaveLength(0);
    const log = await (await control("/sandbox/webhooks")).json();
    expect(log).toMatchObject({ webhook_url: null, count: 1 });
    expect(log.webhooks[0]).toMatchObject({ webhook_id: webhookId, state: "not_sent", attempts: 0, deliveries: [] });
  });

  describe("an event a reset removed while its receiver was answering", () => {
    const resettingReceiver = () => {
      const receiver = fakeReceiver([200]);
      const fetch: typeof globalThis.fetch = async (input, init) => {
        expect((await control("/sandbox/reset", { method: "POST" })).status).toBe(200);
        return receiver.fetch(input, init);
      };
      return { received: receiver.received, dispatcher: createWebhookDispatcher(sandbox.store, { fetch }) };
    };

    it("is not logged after delivery, and the run goes on", async () => {
      await recordEvent();
      const { received, dispatcher } = resettingReceiver();
      expect(await dispatcher.deliverDue(sandbox.clock.now())).toEqual({ attempted: 1, delivered: 1 });
      expect(received).toHaveLength(1);
      expect(await (await control("/sandbox/webhooks")).json()).toMatchObject({ count: 0 });
    });

    it("is not found after a replay", async () => {
      const webhookId = await recordEvent();
      const { dispatcher } = resettingReceiver();
      expect(await dispatcher.replay(DEFAULT_APP.clientId, webhookId, sandbox.clock.now())).toEqual({
        ok: false,
        reason: "not_found",
      });
    });
  });

  it("lists events newest first, paginated", async () => {
    await setWebhookUrl(null);
    const first = await recordEvent("suspended");
    const second = await recordEvent("approved");
    const page = await (await control("/sandbox/webhooks?page=1&page_size=10")).json();
    expect(page).toMatchObject({ count: 2, page: 1, page_size: 10, has_more: false });
    expect(page.webhooks.map((event: { webhook_id: string }) => event.webhook_id)).toEqual([second, first]);
    expect((await control("/sandbox/webhooks?page_size=5")).status).toBe(400);
    expect((await sandbox.app.request("/sandbox/webhooks")).status).toBe(401);
  });
});

describe("POST /sandbox/webhooks/:webhook_id/replay", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeEach(async () => {
    receiver = await startWebhookReceiver((n) => (n === 1 ? 500 : 200));
  });
  afterEach(() => receiver.close());

  it("sends the event again right away under the same webhook_id and records the attempt", async () => {
    const url = receiver.url;
    await setWebhookUrl(url);
    const webhookId = await recordEvent();
    const replay = () => control(`/sandbox/webhooks/${webhookId}/replay`, { method: "POST" });

    const failed = await replay();
    expect(failed.status).toBe(200);
    expect(await failed.json()).toMatchObject({ url, status_code: 500, error: null });
    const succeeded = await (await replay()).json();
    expect(succeeded).toMatchObject({ url, status_code: 200 });

    const { received } = receiver;
    expect(received.map((request) => JSON.parse(request.body).webhook_id)).toEqual([webhookId, webhookId]);
    const [request] = received;
    const signature = String(request?.headers["astra-verification"]);
    expect(verifyWebhookSignature(request?.body ?? "", signature, DEFAULT_APP.clientSecret)).toBe(true);
    const log = await (await control("/sandbox/webhooks")).json();
    expect(log.webhooks[0]).toMatchObject({ state: "delivered", attempts: 0 });
    expect(log.webhooks[0].deliveries).toHaveLength(2);
  });

  it("answers 404 for unknown or other apps' events and 409 when the app has no webhook URL", async () => {
    await setWebhookUrl(null);
    const webhookId = await recordEvent();
    expect((await control(`/sandbox/webhooks/${webhookId}/replay`, { method: "POST" })).status).toBe(409);
    expect((await control("/sandbox/webhooks/not-an-event/replay", { method: "POST" })).status).toBe(404);

    await sandbox.store.apps.create(
      {
        clientId: "other_app",
        clientSecret: "other_secret",
        name: "Other",
        redirectUris: [],
        webhookUrl: receiver.url,
      },
      sandbox.clock.now(),
    );
    const other = await sandbox.app.request(`/sandbox/webhooks/${webhookId}/replay`, {
      method: "POST",
      headers: { Authorization: basicAuth("other_app", "other_secret") },
    });
    expect(other.status).toBe(404);
    expect(receiver.received).toHaveLength(0);
  });
});
