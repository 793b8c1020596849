// Property-based: generated bad control API requests (clock, faults, user status, reset, lookups) are a 400
// that names the field, and never move the clock, add a fault or change any data.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  answer,
  createFuzzEmulator,
  expectClientError,
  expectNamesField,
  MISSING,
  notAnObject,
  oneBadField,
  RUNS,
  wrongType,
  type FuzzEmulator,
} from "./fuzz-helpers";
import { basicAuth, SEED_USER_PHONE } from "./helpers";

// 200 runs of in-process requests: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

let sandbox: FuzzEmulator;
let seedUserId: string;

beforeAll(async () => {
  sandbox = createFuzzEmulator();
  const response = await sandbox.app.request(`/sandbox/users?phone=${SEED_USER_PHONE}`, {
    headers: { Authorization: basicAuth() },
  });
  seedUserId = ((await response.json()) as { id: string }).id;
});

afterAll(() => sandbox.close());

const control = (method: string, path: string, body?: string) =>
  sandbox.app.request(path, {
    method,
    headers: { Authorization: basicAuth(), "Content-Type": "application/json" },
    body,
  });

async function check(method: string, path: () => string, cases: fc.Arbitrary<{ body: unknown; field: string }>) {
  await fc.assert(
    fc.asyncProperty(cases, async ({ body, field }) => {
      const before = await sandbox.fingerprint();
      const result = await answer(
        await control(method, path(), typeof body === "string" ? body : JSON.stringify(body)),
      );
      expectClientError(result, body);
      expectNamesField(result, field, body);
      if ((await sandbox.fingerprint()) !== before) throw new Error(`${JSON.stringify(body)} changed the store`);
    }),
    RUNS,
  );
}

const notAWholeNumber = fc.oneof(
  wrongType.filter((value) => typeof value !== "number"),
  fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
  fc.constant("5"),
);
const garbage = notAnObject.map((body) => ({ body, field: "body" }));

describe("POST /sandbox/clock/advance", () => {
  const bad = {
    days: fc.oneof(notAWholeNumber, fc.integer({ max: -1 }), fc.integer({ min: 367 })),
    hours: fc.oneof(notAWholeNumber, fc.integer({ max: -1 }), fc.integer({ min: 366 * 24 + 1 })),
    minutes: fc.oneof(notAWholeNumber, fc.integer({ max: -1 }), fc.integer({ min: 366 * 24 * 60 + 1 })),
  };
  const extraKey = fc
    .string({ minLength: 1, maxLength: 10 })
    .filter((key) => !["days", "hours", "minutes"].includes(key));
  it("names the bad field and leaves the clock alone", () =>
    check(
      "POST",
      () => "/sandbox/clock/advance",
      fc.oneof(
        oneBadField({ days: 1 }, { days: bad.days }),
        oneBadField({ hours: 1 }, { hours: bad.hours }),
        oneBadField({ minutes: 1 }, { minutes: bad.minutes }),
        extraKey.map((key) => ({ body: { days: 1, [key]: 1 }, field: "body" })),
        fc.constant({ body: {}, field: "body" }),
        garbage,
      ),
    ));
});

describe("POST /sandbox/faults", () => {
  const valid = { method: "GET", path: "/v1/accounts", status: 503, count: 1 };
  const bad = {
    method: fc.oneof(wrongType, fc.constant(MISSING), fc.constantFrom("PATCH", "get", "")),
    path: fc.oneof(wrongType, fc.constant(MISSING), fc.constantFrom("v1/accounts", "/v1/*/x", "/a b", "")),
    status: fc.oneof(notAWholeNumber, fc.integer({ max: 399 }), fc.integer({ min: 600 })),
    delay_ms: fc.oneof(notAWholeNumber, fc.integer({ max: -1 }), fc.integer({ min: 30_001 })),
    count: fc.oneof(notAWholeNumber, fc.constant(MISSING), fc.integer({ max: 0 }), fc.integer({ min: 101 })),
  };
  it("names the bad field and adds no fault", () =>
    check("POST", () => "/sandbox/faults", fc.oneof(oneBadField(valid, bad), garbage)));
});

describe("POST /sandbox/users/:id/status and /sandbox/reset", () => {
  const badStatus = fc.oneof(
    wrongType,
    fc.constant(MISSING),
    fc
      .string({ maxLength: 12 })
      .filter((value) => !["approved", "pending", "document", "retry", "rejected", "suspended"].includes(value)),
  );
  it("names status and changes no user", () =>
    check(
      "POST",
      () => `/sandbox/users/${seedUserId}/status`,
      fc.oneof(oneBadField({ status: "approved" }, { status: badStatus }), garbage),
    ));

  it("refuses a reset with a body and keeps the data", () =>
    check(
      "POST",
      () => "/sandbox/reset",
      fc.oneof(
        fc
          .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { minKeys: 1, maxKeys: 3 })
          .map((body) => ({ body, field: "body" })),
        garbage,
      ),
    ));
});

describe("lookups", () => {
  it("names phone for a bad ?phone= and page for a bad ?page=", async () => {
    const badPhone = fc.string({ maxLength: 20 }).filter((value) => value.replace(/\D/g, "").length !== 10);
    const badPage = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }).filter((value) => !/^\d+$/.test(value)),
      fc.bigInt({ min: 10n ** 7n, max: 10n ** 30n }).map(String),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badPhone.map((value) => ["phone", value] as const),
          badPage.map((value) => ["page", value] as const),
        ),
        async ([name, value]) => {
          const path = name === "phone" ? "/sandbox/users" : "/sandbox/webhooks";
          const result = await answer(await control("GET", `${path}?${new URLSearchParams({ [name]: value })}`));
          expectClientError(result, { name, value });
          expectNamesField(result, name, { name, value });
        },
      ),
      RUNS,
    );
  });
});
