// Webhooks as the app's receiver checks them: signed with the client secret over the exact body bytes, four
// string fields and no status. On the emulator the suite's loopback receiver is the webhook URL; Astra's
// sandbox posts only to the HTTPS URL in its dashboard, so there these checks need a tunnel to the receiver.
import { createHmac, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { advanceEmulatorClock, NEED_TWO_ACCOUNTS, resetEmulator, transferOfNewRoutine, twoAccounts } from "./helpers";
import type { ReceivedWebhook } from "./receiver";
import { asUser } from "./session";
import { expectShape, user, webhookPayload } from "./shapes";
import { emulatorOnly, received, target } from "./target";

const NO_RECEIVER =
  "Astra's sandbox cannot reach a loopback receiver: set ASTRA_CONTRACT_WEBHOOK_PORT and point the dashboard's webhook URL at a tunnel to it";

let transferId: string | undefined;
let routineId: string | undefined;
let userId: string | undefined;

function needReceiver(context: TestContext): string {
  const origin = target().webhookReceiver;
  context.skip(!origin, NO_RECEIVER);
  context.skip(!transferId, NEED_TWO_ACCOUNTS);
  return origin!;
}

async function webhooksFor(
  origin: string,
  match: (payload: ReturnType<typeof webhookPayload.parse>) => boolean,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await received(origin)).webhooks.filter((w) => match(JSON.parse(w.body)));
    if (found.length > 0 || Date.now() > deadline) return found;
    await sleep(250);
  }
}

/** reference/webhook-verification: base64 of HMAC-SHA256 over the body, keyed with the client secret. */
function signatureMatches(webhook: ReceivedWebhook, secret: string): boolean {
  const header = webhook.headers["astra-verification"];
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(webhook.body, "utf8").digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The docs' reference verifier re-serializes with Python's json.dumps defaults (", " and ": ", ASCII only). */
function pythonJsonDumps(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`)
    .join(", ")}}`;
}

beforeAll(async () => {
  if (!target().webhookReceiver) return;
  const accounts = await twoAccounts();
  if (!accounts) return;
  userId = expectShape(user, (await asUser("GET", "/v1/user")).json, "The user").id;
  const created = await transferOfNewRoutine(accounts);
  transferId = created.id;
  routineId = created.routine_id;
});
afterAll(() => resetEmulator());

describe("Webhooks", () => {
  it("a new transfer is announced with transfer_created, its id and its user", async (context) => {
    const origin = needReceiver(context);
    // reference/transfer-webhooks: transfer_created, resource_id = the transfer id, user_id = the user it belongs to.
    const found = await webhooksFor(
      origin,
      (p) => p.webhook_type === "transfer_created" && p.resource_id === transferId,
      30_000,
    );
    expect(found.length, "transfer_created for the new transfer").toBeGreaterThan(0);
    expect(expectShape(webhookPayload, JSON.parse(found[0]!.body), "The webhook")).toMatchObject({ user_id: userId });
  });

  it("every webhook is signed: Astra-Verification is the base64 HMAC-SHA256 of the body with the client secret", async (context) => {
    const origin = needReceiver(context);
    const all = (await received(origin)).webhooks;
    expect(all.length).toBeGreaterThan(0);
    // reference/webhook-verification. The app's receiver (lib/astra/webhook-signature.ts) verifies exactly this.
    for (const webhook of all) expect(signatureMatches(webhook, target().clientSecret), webhook.body).toBe(true);
  });

  it("every body reads the same as the docs' reference verifier re-serializes it", async (context) => {
    const origin = needReceiver(context);
    // reference/webhook-verification: the Python verifier HMACs json.dumps(payload) ("includes whitespace after
    // each comma and colon"), so a body in any other byte form would fail Astra's own example code.
    for (const webhook of (await received(origin)).webhooks)
      expect(pythonJsonDumps(JSON.parse(webhook.body))).toBe(webhook.body);
  });

  it("every payload has the four documented string fields and no status", async (context) => {
    const origin = needReceiver(context);
    for (const webhook of (await received(origin)).webhooks) {
      const payload = expectShape(webhookPayload, JSON.parse(webhook.body), "The webhook");
      // The knowledge base's routine-transfer webhook guide: "The webhook payload will not include the new status".
      expect(payload, webhook.body).not.toHaveProperty("status");
    }
  });

  it("[emulator-only] settlement is announced with transfer_updated and the routine's routine_updated", async (context) => {
    emulatorOnly(context, "settles by moving the emulator's clock (/sandbox/clock/advance)");
    const origin = needReceiver(context);
    await advanceEmulatorClock(7);
    // reference/transfer-webhooks: transfer_updated on a status change; reference/routine-webhooks: routine_updated
    // (a one-time routine completes with it).
    const updated = await webhooksFor(
      origin,
      (p) => p.webhook_type === "transfer_updated" && p.resource_id === transferId,
      15_000,
    );
    expect(updated.length).toBeGreaterThan(0);
    const routineUpdated = await webhooksFor(
      origin,
      (p) => p.webhook_type === "routine_updated" && p.resource_id === routineId,
      15_000,
    );
    expect(routineUpdated.length).toBeGreaterThan(0);
    for (const webhook of [...updated, ...routineUpdated])
      expect(signatureMatches(webhook, target().clientSecret)).toBe(true);
  });
});
