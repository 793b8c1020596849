// The user's profile and the rest of a personal-user integration: capabilities, email, phone and address change
// requests, transfer segments, user-intent metadata, routine updates, and documented paths never answering 405.
// What would change the person behind Astra's sandbox (their email, phone or address) runs on the emulator only.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  createRoutine,
  intentBody,
  NEED_TWO_ACCOUNTS,
  resetEmulator,
  routineBody,
  transferOfNewRoutine,
  twoAccounts,
} from "./helpers";
import { call, show } from "./http";
import { asUser } from "./session";
import {
  capabilities,
  expectShape,
  genericError,
  phoneChangeRequests,
  routine,
  transferSegments,
  user,
  userIntent,
  userIntentCreated,
} from "./shapes";
import { emulatorOnly } from "./target";

const PROFILE_PHONE = "2025550162";
const CHANGES_THE_PERSON = "on Astra's sandbox it would change the signed-in person's details for good";

async function signedInUser() {
  return expectShape(user, (await asUser("GET", "/v1/user")).json, "The user");
}

// The emulator-only checks changed the seed user; put it back for the files after this one.
afterAll(() => resetEmulator());

describe("The user's profile", () => {
  it("GET /v1/users/{id}/capabilities answers for the token's user", async () => {
    const { id } = await signedInUser();
    const reply = await asUser("GET", `/v1/users/${encodeURIComponent(id)}/capabilities`);
    // llms.txt get_v1-users-id-capabilities.
    expect(reply.status, show(reply)).toBe(200);
    expectShape(capabilities, reply.json, "The capabilities");
  });

  it("GET /v1/phone_number_change_requests answers a list", async () => {
    const reply = await asUser("GET", "/v1/phone_number_change_requests");
    // llms.txt: the phone number change requests (the path's separators are read from its operation id).
    expect(reply.status, show(reply)).toBe(200);
    expectShape(phoneChangeRequests, reply.json, "The phone change requests");
  });

  it("[emulator-only] PATCH /v1/users/{user_id} changes the email", async (context) => {
    emulatorOnly(context, CHANGES_THE_PERSON);
    const { id } = await signedInUser();
    const email = `contract.${randomBytes(4).toString("hex")}@example.com`;
    const reply = await asUser("PATCH", `/v1/users/${encodeURIComponent(id)}`, { json: { email } });
    // llms.txt patch_v1-users-user-id: "update the email".
    expect(reply.status, show(reply)).toBe(200);
    expect((await signedInUser()).email).toBe(email);
  });

  it("[emulator-only] one phone change request per 30 days, two address changes per 120 days", async (context) => {
    emulatorOnly(context, CHANGES_THE_PERSON);
    const phone = (number: string) =>
      asUser("POST", "/v1/request_user_phone_number_update", { json: { phone: number } });
    // llms.txt: "1 request per 30 days" for the phone, "2 per 120 days" for the address.
    const first = await phone("2025550177");
    expect([200, 201], show(first)).toContain(first.status);
    const second = await phone("2025550178");
    expect(second.status, show(second)).toBeGreaterThanOrEqual(400);
    expect(second.status, show(second)).toBeLessThan(500);
    const address = (city: string) => asUser("POST", "/v1/request_address_change", { json: { city } });
    for (const city of ["Oakland", "Berkeley"]) {
      const reply = await address(city);
      expect([200, 201], show(reply)).toContain(reply.status);
    }
    const third = await address("Alameda");
    expect(third.status, show(third)).toBeGreaterThanOrEqual(400);
    expect(third.status, show(third)).toBeLessThan(500);
  });
});

describe("Transfers and routines", () => {
  it("GET /v1/transfers/{id}/segments answers the transfer's legs", async (context) => {
    const accounts = await twoAccounts();
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const found = await transferOfNewRoutine(accounts!);
    const reply = await asUser("GET", `/v1/transfers/${encodeURIComponent(found.id)}/segments`);
    // llms.txt get_v1-transfers-id-segments: one entry per leg.
    expect(reply.status, show(reply)).toBe(200);
    expectShape(transferSegments, reply.json, "The segments");
  });

  it("PUT /v1/routines/{id} updates a non-required parameter", async (context) => {
    const accounts = await twoAccounts();
    context.skip(!accounts, NEED_TWO_ACCOUNTS);
    const created = await createRoutine(
      routineBody(accounts!, { type: "recurring", frequency: "weekly", start_date: undefined, amount: 2.5 }),
    );
    const path = `/v1/routines/${encodeURIComponent(created.id)}`;
    // reference/put_v1-routines-id: "any of the non-required parameters below may be updated".
    const reply = await asUser("PUT", path, { json: { client_correlation_id: "contract42" } });
    expect(reply.status, show(reply)).toBe(200);
    const read = expectShape(routine, (await asUser("GET", path)).json, "The routine");
    expect(read).toMatchObject({ client_correlation_id: "contract42" });
    await asUser("DELETE", path);
  });

  it("a validation failure is a 400 (a status_code, when sent, says the same)", async () => {
    const reply = await asUser("POST", "/v1/routines", { json: { type: "one-time" } });
    // reference/errors: 400; Astra's contract has a separate validation_error with `status_code`.
    expect(reply.status, show(reply)).toBe(400);
    const body = expectShape(
      genericError.extend({ status_code: genericError.shape.code.optional() }),
      reply.json,
      "The error",
    );
    if (body.status_code !== undefined) expect(body.status_code).toBe(400);
  });

  it("POST /v1/accounts/processor_token, a documented path, is never a 405", async () => {
    const reply = await asUser("POST", "/v1/accounts/processor_token", {
      json: { processor_token: "contract-invalid" },
    });
    // llms.txt post_v1-accounts-processor-token. The emulator answers 501 "not emulated"; Astra refuses the token.
    expect(reply.status, show(reply)).toBeGreaterThanOrEqual(400);
    expect(reply.status, show(reply)).not.toBe(405);
  });
});

describe("User intents", () => {
  it("metadata of 25 pairs (64-character keys, 256-character values) is taken and read back", async () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`${String(i).padStart(2, "0")}_.-${"k".repeat(59)}`, "v".repeat(256)]),
    );
    const created = await call("POST", "/v1/user_intent", {
      auth: "client",
      json: intentBody(PROFILE_PHONE, { metadata }),
    });
    // reference/custom-metadata: up to 25 pairs, keys 1-64 of [a-zA-Z0-9_.-], string values 1-256.
    expect([200, 201], show(created)).toContain(created.status);
    const { id } = expectShape(userIntentCreated, created.json, "The created intent");
    const read = await call("GET", `/v1/user_intent/${encodeURIComponent(id)}`, { auth: "client" });
    expect((expectShape(userIntent, read.json, "The user intent") as { metadata?: unknown }).metadata).toEqual(
      metadata,
    );
  });

  it.each([
    ["26 pairs", Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`k${i}`, "v"]))],
    ["a number value", { campaign: 7 }],
    ["a key with a space", { "my key": "v" }],
  ])("metadata with %s is refused with 400", async (_, metadata) => {
    const reply = await call("POST", "/v1/user_intent", {
      auth: "client",
      json: intentBody(PROFILE_PHONE, { metadata }),
    });
    expect(reply.status, show(reply)).toBe(400);
  });

  it("[emulator-only] a receive-only intent needs no SSN or date of birth", async (context) => {
    emulatorOnly(context, "Astra enables receive-only users per client program");
    const body: Record<string, unknown> = intentBody(PROFILE_PHONE, { kyc_type: "receive-only" });
    delete body.ssn;
    delete body.date_of_birth;
    const reply = await call("POST", "/v1/user_intent", { auth: "client", json: body });
    // reference/post_v1-user-intent: SSN and date of birth are optional for receive-only users.
    expect([200, 201], show(reply)).toContain(reply.status);
  });
});
