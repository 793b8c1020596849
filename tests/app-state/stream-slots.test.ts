import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STREAMS_PER_ADDRESS, MAX_STREAMS_PER_USER } from "@/lib/events/stream-slots";
import { createPostgresStreamSlots } from "@/lib/events/stream-slots-postgres";
import { createTestDatabase, type TestDatabase } from "./database";

// Live-update stream slots in Postgres: the caps per user and per address hold over two instances opening
// streams at the same time, and a slot given back on one instance frees room on the other.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe("stream slots on Postgres", () => {
  it(`allow ${MAX_STREAMS_PER_USER} per user over two instances at once, and free a given-back slot`, async () => {
    const [a, b] = [createPostgresStreamSlots(db.instance()), createPostgresStreamSlots(db.instance())];
    const tries = Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).acquire("usr_slots", `198.51.100.${i}`));
    const results = await Promise.all(tries);
    const granted = results.flatMap((result) => (result.ok ? [result.id] : []));
    expect(granted).toHaveLength(MAX_STREAMS_PER_USER);
    expect(results.filter((result) => !result.ok && result.refusal === "user")).toHaveLength(12 - MAX_STREAMS_PER_USER);
    await a.release(granted[0]!);
    expect((await b.acquire("usr_slots", "198.51.100.99")).ok).toBe(true);
  });

  it(`allow ${MAX_STREAMS_PER_ADDRESS} per address, whoever is signed in`, async () => {
    const [a, b] = [createPostgresStreamSlots(db.instance()), createPostgresStreamSlots(db.instance())];
    const tries = Array.from({ length: MAX_STREAMS_PER_ADDRESS + 4 }, (_, i) =>
      (i % 2 ? a : b).acquire(`usr_address_${i}`, "2001:db8:42:42::/64"),
    );
    const results = await Promise.all(tries);
    expect(results.filter((result) => result.ok)).toHaveLength(MAX_STREAMS_PER_ADDRESS);
    expect(results.filter((result) => !result.ok && result.refusal === "address")).toHaveLength(4);
    expect((await a.acquire("usr_elsewhere", "203.0.113.1")).ok).toBe(true);
  });
});
