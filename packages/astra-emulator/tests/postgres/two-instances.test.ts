// Two emulator instances (two stores, two apps) on one Postgres database, as a hosted deployment's functions
// are: concurrent requests spread over both must behave as they do on one SQLite process.
import { describe, expect, it } from "vitest";
import { routineListSchema } from "../../src/wire-schemas";
import { createApp } from "../../src/app";
import { createManualClock } from "../../src/lib/clock";
import { freshStorePlace } from "../support/test-store";
import { createTestUser, getWithToken, routineBody, sendJson } from "../helpers";

function twoInstances() {
  const place = freshStorePlace();
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const stores = [place.open(), place.open()] as const;
  const apps = [createApp({ store: stores[0], clock }), createApp({ store: stores[1], clock })] as const;
  return { clock, stores, apps };
}

describe("two instances on one database", () => {
  it("one Idempotency-Key sent to both at once creates one routine, and no request fails with a 5xx", async () => {
    const { clock, stores, apps } = twoInstances();
    const { token, accountIds } = await createTestUser({ store: stores[0], clock, app: apps[0] });
    const body = routineBody(accountIds[0]!, accountIds[1]!, { name: "Savings" });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        sendJson(apps[index % 2]!, "POST", "/v1/routines", token, body, { "Idempotency-Key": "same-key" }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    // 201 for the first and its replays; 409 "still being processed" for a retry that gave up waiting.
    expect(
      statuses.every((status) => status === 201 || status === 409),
      statuses.join(","),
    ).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(0);
    const list = routineListSchema.parse(await (await getWithToken(apps[1], "/v1/routines", token)).json());
    expect(list.count).toBe(1);
  });

  it("different keys sent to both at once each create their routine", async () => {
    const { clock, stores, apps } = twoInstances();
    const { token, accountIds } = await createTestUser({ store: stores[1], clock, app: apps[1] });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        sendJson(
          apps[index % 2]!,
          "POST",
          "/v1/routines",
          token,
          {
            type: "one-time",
            payment_type: "ach",
            name: `Payment ${index}`,
            amount: 5,
            source_id: accountIds[0],
            destination_id: accountIds[1],
          },
          { "Idempotency-Key": `key-${index}` },
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const list = routineListSchema.parse(await (await getWithToken(apps[0], "/v1/routines", token)).json());
    expect(list.count).toBe(10);
  });
});
