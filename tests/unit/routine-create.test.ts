import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Routine } from "@/lib/astra/schemas";
import { astraError, astraStandInPerTest, type Responder, type SeenRequest } from "./support/astra-stand-in";

// A create whose outcome is unknown (409 for a key still in flight, 5xx, no answer) must never become two
// routines: the app tags each create with a correlation id from its Idempotency-Key and looks for it first.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Waits between looks (and read retries) pass at once here; how many looks happen is what is checked.
vi.mock("node:timers/promises", () => ({ setTimeout: async () => undefined }));
vi.mock("@/lib/auth/astra-session", () => ({
  callAstra: <T>(run: (token: string) => Promise<T>) => run("tok"),
  requireSignedIn: async () => undefined,
}));
// The form's "today" would otherwise be read from the emulator's clock (tests/unit/astra-today.test.ts); only
// Astra's own requests are counted here.
vi.mock("@/lib/astra/today", async () => ({
  astraToday: async () => (await import("@/lib/dates")).todayInAstraZone(),
}));

const astra = astraStandInPerTest();

async function against(respond: Responder) {
  const standIn = await astra.point(respond);
  return {
    routines: await import("@/lib/astra/routines"),
    actions: await import("@/app/(signed-in)/routines/new/actions"),
    seen: standIn.seen,
  };
}

const routine = (id: string, correlationId: string | null): Routine => ({
  id,
  type: "one-time",
  name: "Rainy day",
  payment_type: "ach",
  source_id: "acc_1",
  destination_id: "acc_2",
  destination_user_id: null,
  amount: 25,
  start_date: "2099-01-01",
  preferred_settlement_speed: "T+2",
  frequency: null,
  client_correlation_id: correlationId,
  active: true,
  status: "active",
  created: "2026-11-01T10:00:00.000000",
});
const list = (routines: Routine[], hasMore = false) => ({
  json: { count: routines.length, page: 1, page_size: 100, has_more: hasMore, routines },
});
const input = {
  type: "one-time",
  name: "Rainy day",
  payment_type: "ach",
  source_id: "acc_1",
  destination_id: "acc_2",
  amount: 25,
  start_date: "2099-01-01",
} as const;
const fast = { lookups: 3, pauseMs: 10 };
const posts = (seen: SeenRequest[]) => seen.filter((request) => request.method === "POST");
const gets = (seen: SeenRequest[]) => seen.filter((request) => request.method === "GET");

describe("correlationIdFor", () => {
  it("is 1 to 80 letters and digits, the same for the same key and different for another", async () => {
    const { correlationIdFor } = await import("@/lib/astra/routines");
    fc.assert(
      fc.property(
        fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 255 }),
        fc.string({ minLength: 1 }),
        (key, other) => {
          expect(correlationIdFor(key)).toMatch(/^[A-Za-z0-9]{1,80}$/);
          expect(correlationIdFor(key)).toBe(correlationIdFor(key));
          if (key !== other) expect(correlationIdFor(key)).not.toBe(correlationIdFor(other));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("createRoutine", () => {
  it("sends the Idempotency-Key and a correlation id derived from it", async () => {
    const { routines, seen } = await against((request) => ({
      status: 201,
      json: routine("rt_1", JSON.parse(request.body).client_correlation_id),
    }));
    await routines.createRoutine("tok", input, "key-1", fast);
    expect(seen[0]!.headers["idempotency-key"]).toBe("key-1");
    expect(JSON.parse(seen[0]!.body).client_correlation_id).toBe(routines.correlationIdFor("key-1"));
  });

  it.each([
    [
      "a 409 for the same key still in flight",
      astraError(409, "A request with this Idempotency-Key is still being processed; retry shortly."),
    ],
    ["a 503", astraError(503, "down")],
    ["a dropped connection", { drop: true }],
  ])("after %s, finds the routine the first attempt made instead of creating another", async (_, failure) => {
    const { routines, seen } = await against((request, index) => {
      if (request.method === "POST") return failure;
      // The first look finds nothing yet; by the second the earlier attempt has landed.
      return index <= 1
        ? list([routine("rt_other", null)])
        : list([routine("rt_other", null), routine("rt_made", routines.correlationIdFor("key-2"))]);
    });
    await expect(routines.createRoutine("tok", input, "key-2", fast)).resolves.toMatchObject({ id: "rt_made" });
    expect(posts(seen)).toHaveLength(1);
  });

  it("gives up after a bounded number of looks, rethrowing the failure so the caller keeps the key", async () => {
    const { routines, seen } = await against((request) =>
      request.method === "POST" ? astraError(409, "still running") : list([]),
    );
    const error = await routines.createRoutine("tok", input, "key-3", fast).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AstraError", status: 409 });
    expect(gets(seen)).toHaveLength(fast.lookups);
    expect(posts(seen)).toHaveLength(1);
  });

  it("searches the newest pages only, and stops when there are no more", async () => {
    const { routines, seen } = await against((request) => {
      if (request.method === "POST") return astraError(500, "oops");
      const page = Number(request.search.get("page"));
      return list([routine(`rt_${page}`, null)], page < 10);
    });
    await expect(routines.createRoutine("tok", input, "key-4", { lookups: 1, pauseMs: 0 })).rejects.toMatchObject({
      status: 500,
    });
    expect(gets(seen).map((request) => request.search.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("looks at the next page when Astra sends no has_more but a full page, and finds the routine there", async () => {
    const key = "key-full-page";
    let wanted = "";
    const { routines, seen } = await against((request) => {
      if (request.method === "POST") return astraError(500, "oops");
      const page = Number(request.search.get("page"));
      // Only the documented fields: no count, no page fields, no has_more.
      if (page === 1) return { json: { routines: Array.from({ length: 100 }, (_, i) => routine(`rt_${i}`, null)) } };
      return { json: { routines: [routine("rt_mine", wanted)] } };
    });
    wanted = routines.correlationIdFor(key);
    await expect(routines.createRoutine("tok", input, key, { lookups: 1, pauseMs: 0 })).resolves.toMatchObject({
      id: "rt_mine",
    });
    expect(gets(seen).map((request) => request.search.get("page"))).toEqual(["1", "2"]);
  });

  it("does not look anything up after a plain refusal: nothing was created", async () => {
    const { routines, seen } = await against(() => astraError(400, "amount is too large"));
    await expect(routines.createRoutine("tok", input, "key-5", fast)).rejects.toMatchObject({ status: 400 });
    expect(seen).toHaveLength(1);
  });
});

const formData = (fields: Record<string, string>) => {
  const data = new FormData();
  const values = {
    name: "Rainy day",
    source_id: "acc_1",
    destination_id: "acc_2",
    amount: "25.00",
    start_date: "2099-01-01",
    type: "one-time",
    ...fields,
  };
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const redirectTarget = (error: unknown) => String((error as { digest?: string }).digest ?? "").split(";")[2];

describe("createRoutineAction", () => {
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["blank", "   "],
  ])("refuses a %s Idempotency-Key with a form error, sending nothing", async (_, key) => {
    const { actions, seen } = await against(() => ({ status: 201, json: routine("rt_1", null) }));
    const state = await actions.createRoutineAction(
      { status: "idle" },
      formData(key === undefined ? {} : { $idempotency_key: key }),
    );
    expect(state).toMatchObject({ status: "invalid", formErrors: [expect.stringContaining("one-time request key")] });
    expect(seen).toHaveLength(0);
  });

  it("treats a 409 whose routine is found as done, and goes to it", async () => {
    const { actions, routines } = await against((request) =>
      request.method === "POST"
        ? astraError(409, "still running")
        : list([routine("rt_found", routines.correlationIdFor("key-6"))]),
    );
    const error = await actions
      .createRoutineAction({ status: "idle" }, formData({ $idempotency_key: "key-6" }))
      .catch((e: unknown) => e);
    expect(redirectTarget(error)).toBe("/routines/rt_found?created=1");
  });

  it("says the outcome is unconfirmed (so the form keeps its key and values) when nothing is found", async () => {
    const { actions } = await against((request) =>
      request.method === "POST" ? astraError(409, "still running") : list([]),
    );
    const state = await actions.createRoutineAction({ status: "idle" }, formData({ $idempotency_key: "key-7" }));
    expect(state).toMatchObject({
      status: "failed",
      unconfirmed: true,
      values: { name: "Rainy day", amount: "25.00" },
    });
  });

  it("says a refused create is not unconfirmed: nothing was made", async () => {
    const { actions } = await against(() => astraError(403, "not enabled"));
    const state = await actions.createRoutineAction({ status: "idle" }, formData({ $idempotency_key: "key-8" }));
    expect(state).toMatchObject({ status: "failed", kind: "forbidden", unconfirmed: false });
  });
});
