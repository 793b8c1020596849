import { describe, expect, it, vi } from "vitest";
import { minimalRoutine } from "./fixtures/minimal-astra";
import { astraStandInPerTest, type Responder, type SeenRequest } from "./support/astra-stand-in";

// In emulator mode the developer tools move the emulator's clock forward; a routine's "next transfers" must
// count from that day, not from the real one, or the page shows dates the emulator has already passed.
const astra = astraStandInPerTest();

async function pointAt(respond: Responder) {
  await astra.point(respond);
  vi.stubEnv("ASTRA_ENV", "emulator");
  for (const key of ["astra-hooks"])
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(`astra-nextjs-starter.${key}`)];
  (await import("@/lib/dev-tools/register")).registerDevTools();
  return import("@/lib/astra/routines");
}

// Far ahead of the real date, so the real clock can never produce the same answer.
const EMULATOR_TODAY = "2099-01-10";
const weekly = { ...minimalRoutine, frequency: "weekly", start_date: "2099-01-01" };

function standIn(request: SeenRequest) {
  if (request.path === "/sandbox/clock")
    return { json: { now: `${EMULATOR_TODAY}T20:00:00.000Z`, today: EMULATOR_TODAY } };
  if (request.path === "/v1/routines/rtn_1") return { json: weekly };
  if (request.path === "/v1/routines") return { json: { count: 1, routines: [weekly] } };
  return { status: 404, json: { code: 404, name: "Not Found", description: request.path } };
}

describe("a routine's next runs", () => {
  it("count from the emulator's today on the routine page", async () => {
    const { getRoutine } = await pointAt(standIn);
    const routine = await getRoutine("tok", "rtn_1");
    expect(routine.nextRuns).toEqual(["2099-01-15", "2099-01-22", "2099-01-29", "2099-02-05", "2099-02-12"]);
  });

  it("count from the emulator's today in the routines list", async () => {
    const { getRoutines } = await pointAt(standIn);
    const { routines } = await getRoutines("tok");
    expect(routines[0]?.nextRuns[0]).toBe("2099-01-15");
  });

  it("leave out a one-time routine's date once the emulator's clock has passed it", async () => {
    const { getRoutine } = await pointAt((request) =>
      request.path === "/v1/routines/rtn_1"
        ? { json: { ...minimalRoutine, type: "one-time", start_date: "2099-01-05" } }
        : standIn(request),
    );
    expect((await getRoutine("tok", "rtn_1")).nextRuns).toEqual([]);
  });
});
