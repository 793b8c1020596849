// Resetting an app (and deleting it in the dashboard) wipes its rows with WIPE_BY_CLIENT. Idempotency keys carry
// the app only inside their scope text, so these checks pin down which scopes count as the app's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_APP, type Store } from "../src/store";
import { createTestStore } from "./support/test-store";

const NOW = new Date("2026-12-01T18:00:00Z");
const APP = DEFAULT_APP.clientId;

// Shaped like lib/idempotency.ts's scopes: "client:<id>:<hash> POST /path" and "user:<user>:<id> POST /path".
const clientScope = (clientId: string) => `client:${clientId}:0f3a POST /v1/user_intent`;
const userScope = (userId: string, clientId: string) => `user:${userId}:${clientId} POST /v1/routines`;

/** True while a claim is kept under `scope`: claiming it again then reports it in progress. */
async function isKept(store: Store, scope: string): Promise<boolean> {
  const claim = await store.idempotency.claim(scope, "key-1", "hash", NOW);
  return claim.kind !== "started";
}

describe("wiping an app's idempotency keys", () => {
  let store: Store;
  beforeEach(() => {
    store = createTestStore();
  });
  afterEach(() => store.close());

  const others = [
    clientScope(`${APP}2`),
    clientScope(APP.toUpperCase()),
    clientScope(`x${APP}`),
    userScope("u1", `${APP}2`),
    userScope("u1", APP.toUpperCase()),
    userScope(`u1:${APP}`, "other_app"),
    `client:other_app:0f3a POST /v1/${APP} x`,
  ];

  it("forgets the app's client and user keys on reset and keeps every other app's", async () => {
    const own = [clientScope(APP), userScope("u1", APP), userScope("a:b", APP)];
    for (const scope of [...own, ...others]) await store.idempotency.claim(scope, "key-1", "hash", NOW);

    await store.control.resetApp(APP, NOW);

    for (const scope of own) expect(await isKept(store, scope), scope).toBe(false);
    for (const scope of others) expect(await isKept(store, scope), scope).toBe(true);
  });

  it("forgets them too when the app is deleted in the dashboard", async () => {
    const app = await store.apps.findByClientId(APP);
    if (!app?.developerId) throw new Error("the seeded app has no developer");
    await store.idempotency.claim(clientScope(APP), "key-1", "hash", NOW);
    await store.idempotency.claim(userScope("u1", APP), "key-1", "hash", NOW);
    await store.idempotency.claim(clientScope(`${APP}2`), "key-1", "hash", NOW);

    expect(await store.dashboard.deleteApp(app.developerId, APP)).toBe(true);

    expect(await isKept(store, clientScope(APP))).toBe(false);
    expect(await isKept(store, userScope("u1", APP))).toBe(false);
    expect(await isKept(store, clientScope(`${APP}2`))).toBe(true);
  });
});
