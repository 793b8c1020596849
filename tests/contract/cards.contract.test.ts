// Debit cards and what depends on a client's configuration: the card list, unknown cards, the fee preview, and
// debit routines and T+0 / real-time speeds for a client that Astra has not enabled for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NEED_TWO_ACCOUNTS, routineBody, twoAccounts } from "./helpers";
import { call, show } from "./http";
import { asUser } from "./session";
import { card, listItems } from "./shapes";
import { emulatorOnly, onEmulator } from "./target";

let accounts: [string, string] | undefined;

const sandboxSettings = (settings: Record<string, boolean>) =>
  call("PATCH", "/sandbox/app", { auth: "client", json: settings });

beforeAll(async () => {
  accounts = await twoAccounts();
  if (onEmulator()) await sandboxSettings({ debit_enabled: false, instant_speeds_enabled: false });
});

afterAll(async () => {
  if (onEmulator()) await sandboxSettings({ debit_enabled: false, instant_speeds_enabled: false });
});

describe("Cards", () => {
  it("GET /v1/cards answers a paged list of cards", async () => {
    // reference/cards, reference/pagination; `{cards, count}` is from the public JS client.
    const reply = await asUser("GET", "/v1/cards", { query: { page_size: "100" } });
    expect(reply.status, show(reply)).toBe(200);
    const cards = listItems("cards", card, reply.json, "The card list");
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it("an unknown card id is 404 to GET and refused by DELETE", async () => {
    const read = await asUser("GET", "/v1/cards/contract-no-such-card");
    expect(read.status, show(read)).toBe(404);
    const removed = await asUser("DELETE", "/v1/cards/contract-no-such-card");
    expect(removed.status, show(removed)).toBeGreaterThanOrEqual(400);
    expect(removed.status, show(removed)).toBeLessThan(500);
  });

  it("POST /v1/routines/preview refuses an ACH body (previews are for debit routines only)", async (context) => {
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    // reference/post_v1-routines-preview: "Only for payment_type debit".
    const reply = await asUser("POST", "/v1/routines/preview", { json: routineBody(accounts!) });
    expect(reply.status, show(reply)).toBeGreaterThanOrEqual(400);
    expect(reply.status, show(reply)).toBeLessThan(500);
  });
});

describe("Payment types and speeds a client must ask Astra to enable", () => {
  it("refuses a debit routine and a T+0 routine for a client that is not enabled, naming it", async (context) => {
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    emulatorOnly(context, "the client's configuration is switched with the control API (PATCH /sandbox/app)");
    // reference/post_v1-routines (payment_type debit; T+0 and real-time for configured clients).
    const debit = await asUser("POST", "/v1/routines", { json: routineBody(accounts!, { payment_type: "debit" }) });
    expect(debit.status, show(debit)).toBe(403);
    expect(debit.text).toContain("not enabled");
    const sameDay = routineBody(accounts!, { preferred_settlement_speed: "T+0" });
    const refused = await asUser("POST", "/v1/routines", { json: sameDay });
    expect(refused.status, show(refused)).toBe(403);
    expect((await sandboxSettings({ instant_speeds_enabled: true })).status).toBe(204);
    const created = await asUser("POST", "/v1/routines", { json: sameDay });
    expect([200, 201], show(created)).toContain(created.status);
  });
});
