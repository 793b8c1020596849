import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAppClocks, systemClock } from "../src/lib/clock";
import { startDueWorkTimer } from "../src/lib/due-work";
import { DEFAULT_APP } from "../src/store";
import { freshStorePlace } from "./support/test-store";

const DAY_MS = 86_400_000;

describe("the running emulator's clock and due-work timer", () => {
  it("keeps each app's clock offset in the store, so time travel survives a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-clock-"));
    try {
      // A store file on SQLite; on Postgres a database that a second store (a restarted instance) opens again.
      const place = freshStorePlace(path.join(dir, "astra.db"));
      const first = place.open();
      const clocks = createAppClocks(systemClock, first.appClocks);
      await clocks.advance(DEFAULT_APP.clientId, 3 * DAY_MS);
      const now = await clocks.now(DEFAULT_APP.clientId);
      expect(now.getTime() - Date.now()).toBeGreaterThan(3 * DAY_MS - 1_000);
      await first.close();

      const second = place.open();
      expect(await second.appClocks.get(DEFAULT_APP.clientId)).toBe(3 * DAY_MS);
      const restarted = createAppClocks(systemClock, second.appClocks);
      await restarted.reset(DEFAULT_APP.clientId);
      expect(await second.appClocks.get(DEFAULT_APP.clientId)).toBe(0);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never overlaps two runs of the background work", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const dueWorkTimer = startDueWorkTimer(async () => {
      running += 1;
      runs += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
    }, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await dueWorkTimer.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(maxRunning).toBe(1);
    expect(running).toBe(0);
  });
});
