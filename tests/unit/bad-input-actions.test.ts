import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { routineFormSchema as routineFormSchemaFor, routineIdSchema } from "@/app/(signed-in)/routines/schema";
import { transferIdSchema } from "@/lib/transfers/schema";
import { testUserFormSchema as testUserFormSchemaFor } from "@/app/test-user/schema";

import { todayInAstraZone } from "@/lib/dates";
import { defineAction, type ActionState } from "@/lib/server-action";

// The form as emulator mode builds it (lib/plugins.ts testUserOutcomes).
const testUserFormSchema = testUserFormSchemaFor(["approved", "pending", "retry", "document", "rejected"]);

const routineFormSchema = routineFormSchemaFor(todayInAstraZone());

// Generated bad input through the real seam of every server action: defineAction(schema, handler). For each
// run one field of an otherwise valid form is spoiled; the action must answer "invalid", name that field with
// a message, never call the handler (so nothing reaches Astra: no partial write), and never throw (a throw is
// what Next turns into a 500).
const RUNS = 250;

type Form = Record<string, string>;

function formData(form: Form): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form)) data.set(key, value);
  data.set("$idempotency_key", "idem-property");
  return data;
}

/** Runs the action; returns its state and whether the handler (the only code that writes) was reached. */
async function submit(schema: Parameters<typeof defineAction>[0], form: Form) {
  const handler = vi.fn(async (): Promise<ActionState> => ({ status: "ok", message: "done" }));
  const action = defineAction(schema, handler);
  const state = await action({ status: "idle" }, formData(form));
  return { state, handled: handler.mock.calls.length > 0 };
}

function expectFieldNamed(state: ActionState, field: string) {
  expect(state.status).toBe("invalid");
  if (state.status !== "invalid") return;
  const messages = state.fieldErrors[field] ?? [];
  expect(messages.length, `an error for ${field}`).toBeGreaterThan(0);
  for (const message of messages) expect(message.trim().length).toBeGreaterThan(0);
}

const blank = fc.constantFrom("", " ", "\t", "\n  ");
const tooLong = (max: number) =>
  fc.string({ minLength: max + 1, maxLength: max + 40 }).filter((s) => s.trim().length > max);
const notADate = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  fc.constantFrom("2025-13-01", "2025-02-30", "20250101"),
);
const pastDate = fc
  .date({ min: new Date("1900-01-01"), max: new Date(Date.now() - 3 * 86_400_000), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const badAmount = fc.oneof(
  blank,
  fc.constantFrom(
    "0",
    "0.00",
    "-5",
    "1.005",
    "abc",
    "1e3",
    "NaN",
    "Infinity",
    "100000.01",
    "99999999999",
    "$",
    "1..2",
    "１２",
  ),
  fc.string({ maxLength: 10 }).filter((s) => !/^\s*\$?[\d,]*\.?\d*\s*$/.test(s)),
  fc.integer({ min: 100_001, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.double({ noNaN: true, max: 0 }).map(String),
);

describe("routine form (createRoutineAction's parser)", () => {
  const valid: Form = {
    type: "recurring",
    name: "Weekly savings",
    source_id: "acc_checking",
    destination_id: "acc_savings",
    amount: "25.00",
    start_date: todayInAstraZone(),
    frequency: "weekly",
  };
  const spoilers: Record<string, fc.Arbitrary<Form>> = {
    name: fc.oneof(blank, tooLong(100)).map((name) => ({ ...valid, name })),
    source_id: fc.constant({ ...valid, source_id: "" }),
    destination_id: fc
      .oneof(fc.constant(""), fc.constant(valid.source_id!))
      .map((destination_id) => ({ ...valid, destination_id })),
    amount: badAmount.map((amount) => ({ ...valid, amount })),
    start_date: fc.oneof(notADate, pastDate).map((start_date) => ({ ...valid, start_date })),
    type: fc
      .string({ maxLength: 12 })
      .filter((s) => !["one-time", "recurring", ""].includes(s))
      .map((type) => ({ ...valid, type })),
    frequency: fc
      .oneof(
        fc.constant(""),
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((s) => !/^(daily|weekly|biweekly|monthly|quarterly|yearly|annually|semi-?monthly)$/.test(s)),
      )
      .map((frequency) => ({ ...valid, frequency })),
  };

  it("accepts the valid form (the baseline each run spoils)", async () => {
    expect((await submit(routineFormSchema, valid)).handled).toBe(true);
  });

  it.each(Object.keys(spoilers))(`names %s when it is bad (${RUNS} runs), writing nothing`, async (field) => {
    await fc.assert(
      fc.asyncProperty(spoilers[field]!, async (form) => {
        const { state, handled } = await submit(routineFormSchema, form);
        expect(handled).toBe(false);
        expectFieldNamed(state, field);
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers arbitrary junk forms with field errors, never a throw (${RUNS} runs)`, async () => {
    const junk = fc.dictionary(
      fc.oneof(fc.constantFrom(...Object.keys(valid)), fc.string({ maxLength: 8 })),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (form) => {
        const { state, handled } = await submit(routineFormSchema, form);
        expect(handled).toBe(false);
        expect(state.status).toBe("invalid");
        if (state.status === "invalid") {
          const fields = Object.keys(state.fieldErrors);
          expect(fields.length + state.formErrors.length).toBeGreaterThan(0);
          for (const field of fields) expect(Object.keys(valid)).toContain(field);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("id forms (pause, resume, cancel routine; cancel transfer)", () => {
  const badId = fc.oneof(fc.constant(""), fc.string({ minLength: 201, maxLength: 260 }));
  it.each([
    ["routine_id", routineIdSchema],
    ["transfer_id", transferIdSchema],
  ] as const)(`names %s when it is missing, empty or too long (${RUNS} runs)`, async (field, schema) => {
    await fc.assert(
      fc.asyncProperty(fc.option(badId, { nil: undefined }), async (id) => {
        const { state, handled } = await submit(schema, id === undefined ? {} : { [field]: id });
        expect(handled).toBe(false);
        expectFieldNamed(state, field);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("test-user form (createTestUser's parser)", () => {
  const valid: Form = {
    first_name: "Ada",
    last_name: "Lovelace",
    email: "ada@example.com",
    phone: "2025550142",
    address1: "1 Main St",
    address2: "",
    city: "Oakland",
    state: "CA",
    postal_code: "94612",
    date_of_birth: "1990-01-31",
    ssn: "123-45-6789",
  };
  const spoil = (field: string, bad: fc.Arbitrary<string>) => bad.map((value) => ({ ...valid, [field]: value }));
  const spoilers: Record<string, fc.Arbitrary<Form>> = {
    first_name: spoil("first_name", fc.oneof(blank, tooLong(100))),
    last_name: spoil("last_name", fc.oneof(blank, tooLong(100))),
    email: spoil(
      "email",
      fc.oneof(
        blank,
        fc.string({ maxLength: 20 }).filter((s) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.trim())),
      ),
    ),
    phone: spoil(
      "phone",
      fc.oneof(
        blank,
        fc
          .string({ maxLength: 14 })
          .filter((s) => !/^\d{10}$/.test(s.replace(/[\s().+-]/g, "").replace(/^1(?=\d{10}$)/, ""))),
      ),
    ),
    address1: spoil("address1", fc.oneof(blank, tooLong(200))),
    city: spoil("city", fc.oneof(blank, tooLong(100))),
    state: spoil(
      "state",
      fc.string({ maxLength: 4 }).filter((s) => !/^[A-Za-z]{2}$/.test(s.trim())),
    ),
    postal_code: spoil(
      "postal_code",
      fc.string({ maxLength: 8 }).filter((s) => !/^\d{5}$/.test(s.trim())),
    ),
    date_of_birth: spoil("date_of_birth", fc.oneof(notADate, fc.constant("2999-01-01"))),
    ssn: spoil(
      "ssn",
      fc.oneof(
        fc.constant(""),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^(\d{4}|\d{9})$/.test(s.replace(/[\s-]/g, ""))),
      ),
    ),
  };

  it("accepts the valid form (the baseline each run spoils)", async () => {
    expect((await submit(testUserFormSchema, valid)).handled).toBe(true);
  });

  it.each(Object.keys(spoilers))(
    `names %s when it is bad (${RUNS} runs), and never sends the SSN back`,
    async (field) => {
      await fc.assert(
        fc.asyncProperty(spoilers[field]!, async (form) => {
          const handler = vi.fn(async (): Promise<ActionState> => ({ status: "ok", message: "done" }));
          const state = await defineAction(testUserFormSchema, handler, { secretFields: ["ssn"] })(
            { status: "idle" },
            formData(form),
          );
          expect(handler).not.toHaveBeenCalled();
          expectFieldNamed(state, field);
          if (state.status === "invalid") expect(state.values).not.toHaveProperty("ssn");
        }),
        { numRuns: RUNS },
      );
    },
  );
});
