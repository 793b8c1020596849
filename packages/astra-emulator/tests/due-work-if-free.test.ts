// Time without timers (hosted demo): due work runs after requests behind a short lease row, so of many callers
// (or instances on one database) only one runs it at a time. The lease is one upsert whose conflict branch only
// fires on an expired row, which is atomic on both engines; the many-instance case is Postgres (pg adapter).
import { afterEach, describe, expect, it } from "vitest";
import {
  cleanUpVisitorsIfDue,
  DUE_WORK_LEASE,
  DUE_WORK_SPACING_MS,
  runDueWorkIfFree,
  VISITOR_CLEANUP_SPACING_MS,
  VISITOR_LIFETIME_MS,
} from "../src/lib/due-work";
import { createStore, DEFAULT_APP, type Store } from "../src/store";

const NOW = new Date("2026-01-15T17:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function memoryStore(): Store {
  const store = createStore(":memory:", { now: NOW });
  stores.push(store);
  return store;
}

describe("runDueWorkIfFree", () => {
  it("runs for one of two callers at once, and again once the spacing has passed", async () => {
    const store = memoryStore();
    const ran = await Promise.all([runDueWorkIfFree(store, NOW), runDueWorkIfFree(store, NOW)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await runDueWorkIfFree(store, later(DUE_WORK_SPACING_MS - 1))).toBe(false);
    expect(await runDueWorkIfFree(store, later(DUE_WORK_SPACING_MS))).toBe(true);
  });

  it("keeps the lease while a run is in progress, however long it takes", async () => {
    const store = memoryStore();
    // Another instance took the lease a minute ago for a long run that has not finished.
    expect(await store.leases.take(DUE_WORK_LEASE, "other-instance", NOW, later(60_000))).toBe(true);
    expect(await runDueWorkIfFree(store, later(30_000))).toBe(false);
    // Past the run's maximum the holder is presumed dead and the lease is taken over.
    expect(await runDueWorkIfFree(store, later(60_000))).toBe(true);
  });

  it("runs once more for a caller that found a run in progress, so work its request made is not left behind", async () => {
    const store = memoryStore();
    let runs = 0;
    const busy = {
      ...store,
      dueWork: {
        ...store.dueWork,
        apps: async (base: Date) => {
          runs += 1;
          // A request on another instance, mid-run: it cannot run the work it just made itself.
          if (runs === 1) expect(await runDueWorkIfFree(store, later(10))).toBe(false);
          return store.dueWork.apps(base);
        },
      },
    };
    expect(await runDueWorkIfFree(busy as Store, NOW)).toBe(true);
    expect(runs).toBe(2);
    // The lease is back to spacing runs a second apart.
    expect(await runDueWorkIfFree(store, later(DUE_WORK_SPACING_MS))).toBe(true);
  });

  it("leaves the lease to expire when the work fails, so the next caller can retry", async () => {
    const store = memoryStore();
    const failing = { ...store, dueWork: { ...store.dueWork, apps: () => Promise.reject(new Error("down")) } };
    await expect(runDueWorkIfFree(failing as Store, NOW)).rejects.toThrow("down");
    expect(await runDueWorkIfFree(store, later(DUE_WORK_SPACING_MS))).toBe(true);
  });
});

describe("cleanUpVisitorsIfDue", () => {
  it("deletes visitors past their 24 hours at most once an hour, so requests clean up where no cron runs", async () => {
    const store = memoryStore();
    const limits = { perIp: 100, windowMs: 60_000 };
    const minutes = (n: number) => n * 60_000;
    const create = (at: Date) => store.visitors.create(DEFAULT_APP.clientId, "198.51.100.7", at, limits);
    const old = await create(later(-VISITOR_LIFETIME_MS - 1));
    // 24 hours old 30 minutes from now.
    const younger = await create(later(-VISITOR_LIFETIME_MS + minutes(30)));
    if (!old.ok || !younger.ok) throw new Error("visitors not created");
    expect(await cleanUpVisitorsIfDue(store, NOW)).toBe(1);
    expect(await store.visitors.isVisitor(DEFAULT_APP.clientId, younger.userId)).toBe(true);
    // 40 minutes on the younger one is past 24 hours too, but the last run was less than an hour ago.
    expect(await cleanUpVisitorsIfDue(store, later(minutes(40)))).toBe(0);
    expect(await cleanUpVisitorsIfDue(store, later(VISITOR_CLEANUP_SPACING_MS))).toBe(1);
    expect(await store.visitors.isVisitor(DEFAULT_APP.clientId, younger.userId)).toBe(false);
  });
});
