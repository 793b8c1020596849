import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_CLIENT_SECRET } from "@/config/emulator-defaults";
import { createPostgresWebhookIdStore } from "@/lib/astra/webhook-dedupe-postgres";
import { signAstraWebhook } from "@/lib/astra/webhook-signature";
import { handleAstraWebhook } from "@/lib/astra/webhooks";
import { createPostgresUserEventRelay } from "@/lib/events/user-events-postgres";
import { createTestDatabase, type TestDatabase } from "./database";

// Webhook dedupe shared by instances: a retry that lands on another instance is recognised as a repeat.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe("webhook ids in Postgres", () => {
  it("lets exactly one of many concurrent claims across two instances win each id", async () => {
    // Two fresh instances: their first claims also race to create the tables, which must not fail either.
    const instances = [createPostgresWebhookIdStore(db.instance()), createPostgresWebhookIdStore(db.instance())];
    const ids = Array.from({ length: 25 }, (_, i) => `wh_race_${i}`);
    const claims = ids.flatMap((id) =>
      Array.from({ length: 6 }, (_, attempt) => instances[attempt % 2]!.claim(id).then((won) => ({ id, won }))),
    );
    const results = await Promise.all(claims);
    for (const id of ids) {
      expect(results.filter((result) => result.id === id && result.won)).toHaveLength(1);
    }
  });

  it("gives an id back when its handling failed, so the retry is handled", async () => {
    const [a, b] = [createPostgresWebhookIdStore(db.instance()), createPostgresWebhookIdStore(db.instance())];
    expect(await a.claim("wh_released")).toBe(true);
    await a.release("wh_released");
    expect(await b.claim("wh_released")).toBe(true);
    expect(await a.claim("wh_released")).toBe(false);
  });

  it("relays a webhook delivered to both instances once", async () => {
    const instance = () => {
      const pool = db.instance();
      return { ids: createPostgresWebhookIdStore(pool), events: createPostgresUserEventRelay(pool) };
    };
    const [a, b] = [instance(), instance()];
    const body = JSON.stringify({
      webhook_type: "transfer_updated",
      resource_id: "trf_twice",
      user_id: "usr_twice",
      webhook_id: "wh_delivered_twice",
    });
    const deliver = () =>
      new Request("http://localhost:3000/api/webhooks/astra", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "astra-verification": signAstraWebhook(body, EMULATOR_CLIENT_SECRET),
        },
        body,
      });

    const responses = await Promise.all([
      handleAstraWebhook(deliver(), a.ids, a.events),
      handleAstraWebhook(deliver(), b.ids, b.events),
    ]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(bodies.filter((reply) => reply.duplicate === true)).toHaveLength(1);
    expect(bodies.filter((reply) => typeof reply.eventId === "string")).toHaveLength(1);

    const { rows } = await db.instance().query("SELECT resource_id FROM app_user_events WHERE user_id = 'usr_twice'");
    expect(rows).toEqual([{ resource_id: "trf_twice" }]);
  });
});
