// Property-based: generated bad inputs to the REST API (user intents, accounts, routines, transfers and the
// list queries) are always a 4xx that names the field, and never change the store.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  answer,
  badRequiredString,
  badString,
  createFuzzEmulator,
  expectClientError,
  expectNamesField,
  expectNamesSomeField,
  MISSING,
  notAnObject,
  oneBadField,
  RUNS,
  wrongType,
  type FuzzEmulator,
} from "./fuzz-helpers";
import { basicAuth, createTestUser, intentBody } from "./helpers";

// 200 runs of in-process requests: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let sandbox: FuzzEmulator;
let token: string;
let checking: string;
let savings: string;
let routineId: string;

beforeAll(async () => {
  sandbox = createFuzzEmulator();
  const user = await createTestUser(sandbox);
  token = user.token;
  [checking = "", savings = ""] = user.accountIds;
  const response = await send("POST", "/v1/routines", validRoutine());
  routineId = ((await response.json()) as { id: string }).id;
});

afterAll(() => sandbox.close());

function send(method: string, path: string, body: unknown, auth = `Bearer ${token}`) {
  return sandbox.app.request(path, {
    method,
    headers: { Authorization: auth, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const validRoutine = () => ({
  type: "recurring",
  name: "Fuzz savings",
  payment_type: "ach",
  source_id: checking,
  destination_id: savings,
  amount: 12.5,
  frequency: "weekly",
});

const badAmount = fc.oneof(
  wrongType.filter((value) => typeof value !== "number"),
  fc.integer({ max: 0 }),
  fc.integer({ min: 100_001 }),
  fc.constant(MISSING),
  fc.constantFrom("25", 0, -1, 100_000.01, 1e12, 1.234, 0.001),
  fc.double({ max: 0, noNaN: true }),
);

/** Sends each generated body and checks: a 4xx, the field named, nothing written. */
async function checkBadBodies(
  method: string,
  path: () => string,
  cases: fc.Arbitrary<{ body: unknown; field: string }>,
  auth?: () => string,
) {
  await fc.assert(
    fc.asyncProperty(cases, async ({ body, field }) => {
      const before = await sandbox.fingerprint();
      const result = await answer(await send(method, path(), body, auth?.()));
      expectClientError(result, body);
      expectNamesField(result, field, body);
      if ((await sandbox.fingerprint()) !== before) throw new Error(`${JSON.stringify(body)} changed the store`);
    }),
    RUNS,
  );
}

async function checkGarbage(method: string, path: () => string, auth?: () => string) {
  await fc.assert(
    fc.asyncProperty(notAnObject, async (text) => {
      const before = await sandbox.fingerprint();
      const result = await answer(await send(method, path(), text, auth?.()));
      expectClientError(result, text);
      expectNamesSomeField(result, text);
      if ((await sandbox.fingerprint()) !== before) throw new Error(`${JSON.stringify(text)} changed the store`);
    }),
    RUNS,
  );
}

describe("POST /v1/user_intent", () => {
  const bad = {
    email: fc.oneof(badRequiredString, fc.constantFrom("not-an-email", "a@", "@b.com")),
    phone: fc.oneof(badRequiredString, fc.constantFrom("2025550123", "+1202555012", "+442025550123")),
    first_name: badRequiredString,
    last_name: badRequiredString,
    address1: badRequiredString,
    // address2 may be left out (the JS SDK does) but never null or too long.
    address2: fc.oneof(
      wrongType.filter((value) => value !== undefined),
      fc.constant("x".repeat(201)),
    ),
    city: badRequiredString,
    state: fc.oneof(badRequiredString, fc.constantFrom("ca", "California", "C")),
    postal_code: fc.oneof(badRequiredString, fc.constantFrom("1234", "123456", "abcde")),
    date_of_birth: fc.oneof(badRequiredString, fc.constantFrom("1990-13-01", "01/02/1990", "1990-02-30")),
    ssn: fc.oneof(badRequiredString, fc.constantFrom("123-45-6789", "12345", "abcd")),
    ip_address: fc.oneof(badRequiredString, fc.constantFrom("999.1.1.1", "localhost")),
    kyc_type: fc.oneof(wrongType, fc.constant("unknown")),
  };
  it("answers one bad field with a 400 naming it", () =>
    checkBadBodies("POST", () => "/v1/user_intent", oneBadField(intentBody(), bad), basicAuth));
  it("answers a body that is not an object with a 400", () => checkGarbage("POST", () => "/v1/user_intent", basicAuth));
});

describe("POST /v1/routines", () => {
  const bad = {
    type: fc.oneof(badRequiredString, fc.constant("daily")),
    name: badRequiredString,
    source_id: fc.oneof(badRequiredString, fc.constant("not-an-account")),
    destination_id: fc.oneof(badRequiredString, fc.constant("not-an-account")),
    amount: badAmount,
    frequency: fc.oneof(wrongType, fc.constant(MISSING), fc.constant("yearly")),
    start_date: fc.oneof(wrongType, fc.constantFrom("2020-01-01", "tomorrow", "2026-02-30")),
    preferred_settlement_speed: fc.oneof(wrongType, fc.constant("T+3")),
    payment_type: fc.oneof(wrongType, fc.constant("wire")),
    client_correlation_id: fc.oneof(wrongType, fc.constantFrom("", "has space", "x".repeat(81))),
  };
  it("answers one bad field with a 400 naming it", () =>
    checkBadBodies("POST", () => "/v1/routines", oneBadField(validRoutine(), bad)));
  it("answers a body that is not an object with a 400", () => checkGarbage("POST", () => "/v1/routines"));
});

describe("PUT /v1/routines/:id", () => {
  const bad = {
    name: fc.oneof(wrongType, fc.constant(""), fc.constant("x".repeat(101))),
    amount: badAmount.filter((value) => value !== MISSING),
    status: fc.oneof(wrongType, fc.constantFrom("cancelled", "paused", "")),
  };
  it("answers one bad field with a 400 naming it", () =>
    checkBadBodies("PUT", () => `/v1/routines/${routineId}`, oneBadField({ name: "Renamed" }, bad)));
  it("answers a body that is not an object with a 400", () => checkGarbage("PUT", () => `/v1/routines/${routineId}`));
});

describe("POST /v1/accounts/create", () => {
  const valid = {
    institution_id: "ins_1",
    name: "Payroll",
    bank_account_type: "checking",
    account_number: "12345678",
    routing_number: "222222226",
  };
  const bad = {
    institution_id: badString,
    name: badRequiredString,
    bank_account_type: fc.oneof(badRequiredString, fc.constant("brokerage")),
    account_number: fc.oneof(badRequiredString, fc.constantFrom("123456", "1".repeat(18), "12a45678")),
    routing_number: fc.oneof(badRequiredString, fc.constantFrom("12345678", "123456789", "22222222x")),
  };
  it("answers one bad field with a 400 naming it", () =>
    checkBadBodies("POST", () => "/v1/accounts/create", oneBadField(valid, bad)));
});

describe("ids and query strings", () => {
  const badId = fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.uuid(), fc.constant("x".repeat(3000)));

  it("answers an unknown transfer or routine id with a 404 and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        badId,
        fc.constantFrom("POST /v1/transfers/:id/cancel", "DELETE /v1/routines/:id", "GET /v1/accounts/:id"),
        async (id, route) => {
          const [method = "GET", template = ""] = route.split(" ");
          const before = await sandbox.fingerprint();
          const result = await answer(await send(method, template.replace(":id", encodeURIComponent(id)), undefined));
          expectClientError(result, { id, route });
          expectNamesSomeField(result, { id, route });
          if ((await sandbox.fingerprint()) !== before) throw new Error(`${route} with ${id} changed the store`);
        },
      ),
      RUNS,
    );
  });

  it("answers a bad page, page_size or status with a 400 naming it", async () => {
    const badNumber = fc.oneof(
      fc.string({ maxLength: 12 }).filter((text) => text !== "" && !/^\d+$/.test(text)),
      fc.bigInt({ min: 10n ** 7n, max: 10n ** 40n }).map(String),
      fc.constantFrom("0", "-1", "1.5", "1e3", " 1"),
    );
    const cases = fc.oneof(
      badNumber.map((value) => ({ name: "page", value })),
      fc.oneof(badNumber, fc.constantFrom("9", "101")).map((value) => ({ name: "page_size", value })),
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter(
          (text) =>
            ![
              "active",
              "inactive",
              "pending",
              "completed",
              "cancelled",
              "failed",
              "requires_user_verification",
              "pending_account_authorization",
              "user_suspended",
            ].includes(text),
        )
        .map((value) => ({ name: "status", value })),
    );
    await fc.assert(
      fc.asyncProperty(
        cases,
        fc.constantFrom("/v1/accounts", "/v1/routines", "/v1/transfers"),
        async ({ name, value }, path) => {
          if (name === "status" && path === "/v1/accounts") return;
          const query = new URLSearchParams({ [name]: value });
          const result = await answer(
            await sandbox.app.request(`${path}?${query}`, { headers: { Authorization: `Bearer ${token}` } }),
          );
          expect400(result, name, `${path}?${query}`);
        },
      ),
      RUNS,
    );
  });
});

function expect400(result: Awaited<ReturnType<typeof answer>>, field: string, context: string) {
  expectClientError(result, context);
  expectNamesField(result, field, context);
}
