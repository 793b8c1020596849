import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { createMemoryWebhookIdStore } from "@/lib/astra/webhook-dedupe";
import { signAstraWebhook } from "@/lib/astra/webhook-signature";
import { handleAstraWebhook } from "@/lib/astra/webhooks";
import { subscribe } from "@/lib/events/user-events";

// Generated bad input to the route handlers that can be called as they run: the webhook receiver (proxy.ts
// does not run before it, so a Request straight to its handler is the real path) and the transfers route with
// its session seam stubbed (the input is judged before the session is used). The session-bound routes
// (/api/astra/events, /verify, /accounts/link) are driven over HTTP in tests/e2e/bad-input.spec.ts.
const RUNS = 250;
const SECRET = EMULATOR_CLIENT_SECRET;

vi.mock("@/lib/auth/astra-session", () => ({
  callAstra: vi.fn(async (load: (token: string) => unknown) => load("token")),
}));
vi.mock("@/lib/astra/transfers", () => ({ getTransfers: vi.fn(async () => ({ items: [], count: 0 })) }));

const webhookRequest = (body: string, headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/webhooks/astra", { method: "POST", body, headers });

const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record({ webhook_type: fc.string(), resource_id: fc.string(), user_id: fc.string(), webhook_id: fc.string() })
    .map((o) => JSON.stringify(o)),
  fc.integer({ min: 64 * 1024 + 1, max: 80 * 1024 }).map((n) => "x".repeat(n)),
);
const signature = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 60 }), fc.base64String({ maxLength: 60 }));

describe("POST /api/webhooks/astra with bad input", () => {
  it(`never answers 5xx and relays nothing for an unsigned or wrongly signed body (${RUNS} runs)`, async () => {
    const ids = createMemoryWebhookIdStore();
    const relayed: unknown[] = [];
    const stop = subscribe("usr_fuzz", (event) => relayed.push(event));
    await fc.assert(
      fc.asyncProperty(body, signature, async (raw, sig) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (sig !== undefined) headers["astra-verification"] = sig;
        const response = await handleAstraWebhook(webhookRequest(raw, headers), ids);
        expect([401, 413]).toContain(response.status);
        const { error } = await response.json();
        expect(error).toMatch(response.status === 401 ? /Astra-Verification/ : /larger than 64 KB/);
      }),
      { numRuns: RUNS },
    );
    expect(relayed).toEqual([]);
    stop();
  });

  it(`answers a correctly signed but malformed body with 400 or an acknowledged no-op, never 5xx (${RUNS} runs)`, async () => {
    const ids = createMemoryWebhookIdStore();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })), async (raw) => {
        const response = await handleAstraWebhook(
          webhookRequest(raw, { "astra-verification": signAstraWebhook(raw, SECRET) }),
          ids,
        );
        expect(response.status).toBeLessThan(500);
        const json = await response.json();
        if (response.status === 400) expect(json.error).toMatch(/not JSON/);
        else expect(json).toMatchObject({ received: true });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("GET /api/astra/transfers with bad input", () => {
  it(`answers an unknown status with 400 naming the field, never 5xx (${RUNS} runs)`, async () => {
    const { GET } = await import("@/app/api/astra/transfers/route");
    const statuses = ["pending", "processed", "failed", "cancelled", "canceled"];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }).filter((s) => !statuses.includes(s) && s !== ""),
        fc.string({ maxLength: 20 }),
        async (status, junk) => {
          const url = new URL("http://localhost:3000/api/astra/transfers");
          url.searchParams.set("status", status);
          url.searchParams.set(junk || "x", junk);
          const response = await GET(new Request(url));
          expect(response.status).toBe(400);
          expect(await response.json()).toMatchObject({
            error: { field: "status", message: expect.stringContaining("status must be one of") },
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
