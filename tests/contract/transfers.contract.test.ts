// Transfers as the app uses them: the list, one transfer, a routine's transfers, and cancel. Settlement runs
// only on the emulator, whose clock the suite can move.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceEmulatorClock, NEED_TWO_ACCOUNTS, resetEmulator, transferOfNewRoutine, twoAccounts } from "./helpers";
import { show } from "./http";
import { asUser } from "./session";
import { expectShape, isCancelled, listItems, transfer } from "./shapes";
import { emulatorOnly } from "./target";

let accounts: [string, string] | undefined;

beforeAll(async () => {
  accounts = await twoAccounts();
});
// The settlement check moved the emulator's clock; put it back for the files after this one.
afterAll(() => resetEmulator());

describe("Transfers", () => {
  it("a one-time routine's transfer is listed, pending, with the documented fields", async (context) => {
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const found = await transferOfNewRoutine(accounts!);
    // The public JS client's transfer fixtures (the minimum); a new transfer is `pending`.
    expect(found).toMatchObject({
      source_id: accounts![0],
      destination_id: accounts![1],
      routine_type: "one-time",
      status: "pending",
    });
    expect(found.amount).toBeCloseTo(1.25, 2);
  });

  it("GET /v1/transfers/{id} and GET /v1/routines/{id}/transfers answer the same transfer", async (context) => {
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const found = await transferOfNewRoutine(accounts!);
    const one = await asUser("GET", `/v1/transfers/${encodeURIComponent(found.id)}`);
    // reference/get_v1-transfers-id.
    expect(one.status, show(one)).toBe(200);
    expect(expectShape(transfer, one.json, "The transfer")).toMatchObject({
      id: found.id,
      routine_id: found.routine_id,
    });

    // reference/get_v1-routines-id-transfers: paged like every list.
    const ofRoutine = await asUser("GET", `/v1/routines/${encodeURIComponent(found.routine_id)}/transfers`, {
      query: { page_size: "100" },
    });
    expect(ofRoutine.status, show(ofRoutine)).toBe(200);
    expect(listItems("transfers", transfer, ofRoutine.json, "The routine's transfers").map((t) => t.id)).toContain(
      found.id,
    );
  });

  it("POST /v1/transfers/{id}/cancel cancels a pending transfer (canceled or cancelled)", async (context) => {
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const found = await transferOfNewRoutine(accounts!);
    const reply = await asUser("POST", `/v1/transfers/${encodeURIComponent(found.id)}/cancel`);
    // reference/post_v1-transfers-id-cancel: 200 on success, "the status of the transfer … will update to
    // `canceled`"; SDKs write `cancelled`, so either spelling passes, here and on a later read.
    expect(reply.status, show(reply)).toBe(200);
    if (reply.json) expect(isCancelled(expectShape(transfer, reply.json, "The cancelled transfer").status)).toBe(true);
    const read = expectShape(
      transfer,
      (await asUser("GET", `/v1/transfers/${encodeURIComponent(found.id)}`)).json,
      "The transfer",
    );
    expect(isCancelled(read.status), `status ${read.status}`).toBe(true);
  });

  it("the status filter finds a cancelled transfer under either spelling", async (context) => {
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const found = await transferOfNewRoutine(accounts!);
    await asUser("POST", `/v1/transfers/${encodeURIComponent(found.id)}/cancel`);
    // The sources disagree on the spelling; the app filters with `status` (name unverified).
    for (const spelling of ["canceled", "cancelled"]) {
      const reply = await asUser("GET", "/v1/transfers", { query: { status: spelling, page_size: "100" } });
      expect(reply.status, show(reply)).toBe(200);
      const ids = listItems("transfers", transfer, reply.json, "The filtered list").map((t) => t.id);
      expect(ids, `?status=${spelling}`).toContain(found.id);
    }
  });

  it("an unknown transfer id is 404", async () => {
    // reference/errors: 404.
    const reply = await asUser("GET", "/v1/transfers/contract-no-such-transfer");
    expect(reply.status, show(reply)).toBe(404);
  });

  it("[emulator-only] a pending transfer settles to processed, and then cannot be cancelled", async (context) => {
    emulatorOnly(
      context,
      "moves the emulator's clock (/sandbox/clock/advance); Astra's sandbox settles on its own time",
    );
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const found = await transferOfNewRoutine(accounts!, 2);
    // T+2 business days at most (the emulator's model, packages/astra-emulator/docs/money-movement.md); a week always covers it.
    await advanceEmulatorClock(7);
    const read = expectShape(
      transfer,
      (await asUser("GET", `/v1/transfers/${encodeURIComponent(found.id)}`)).json,
      "The transfer",
    );
    // https://knowledge.astrafi.com/articles/8301933223-a-guide-to-routine-transfer-webhooks: "if a Transfer's status
    // changes from pending to processed".
    expect(read.status).toBe("processed");
    // reference/post_v1-transfers-id-cancel: only before the cut-off; "if the API says it cannot be cancelled,
    // nothing else can cancel it". reference/errors: an invalid request is 400; this refusal's exact status is not
    // documented, so any 4xx.
    const cancel = await asUser("POST", `/v1/transfers/${encodeURIComponent(found.id)}/cancel`);
    expect(cancel.status, show(cancel)).toBeGreaterThanOrEqual(400);
    expect(cancel.status, show(cancel)).toBeLessThan(500);
  });
});
