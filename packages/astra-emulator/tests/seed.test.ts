// The seed (packages/astra-emulator/src/store/seed.ts) when the seeded app was deleted in the dashboard: the store opens again
// with the app back under the same seed developer (it used to stop on UNIQUE over the developer's email and
// never open again). On a SQLite file and, in emulator-pg, on Postgres.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_APP, type Store } from "../src/store";
import { SEED_DEVELOPER } from "../src/store/seed";
import { freshStorePlace } from "./support/test-store";

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the seed", () => {
  it("survives a deleted seed app: the store reopens with the app back, owned by the same seed developer", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "seed-"));
    dirs.push(dir);
    const place = freshStorePlace(path.join(dir, "store.db"));

    const first = place.open();
    const developer = await first.developers.logIn(SEED_DEVELOPER.email, SEED_DEVELOPER.password);
    expect(developer).not.toBeNull();
    expect(await first.dashboard.deleteApp(developer!.id, DEFAULT_APP.clientId)).toBe(true);
    expect(await first.apps.listClientIds()).toEqual([]);
    await first.close();

    const reopened = place.open();
    stores.push(reopened);
    expect(await reopened.apps.listClientIds()).toEqual([DEFAULT_APP.clientId]);
    expect((await reopened.apps.findByClientId(DEFAULT_APP.clientId))?.developerId).toBe(developer!.id);
    expect((await reopened.developers.logIn(SEED_DEVELOPER.email, SEED_DEVELOPER.password))?.id).toBe(developer!.id);
  });
});
