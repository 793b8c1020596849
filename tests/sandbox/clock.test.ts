import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createOffsetClock } from "../../sandbox/src/lib/clock";
import { startTicker } from "../../sandbox/src/lib/tick";
import { createStore } from "../../sandbox/src/store";

const DAY_MS = 86_400_000;

describe("the running emulator's clock and ticker", () => {
  it("keeps the clock's offset in the store, so it survives a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-clock-"));
    try {
      const file = path.join(dir, "astra.db");
      const first = createStore(file);
      const clock = createOffsetClock(await first.sandboxState.getClockOffset(), (ms) =>
        first.sandboxState.setClockOffset(ms),
      );
      await clock.advance(3 * DAY_MS);
      expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * DAY_MS - 1_000);
      await first.close();

      const second = createStore(file);
      expect(await second.sandboxState.getClockOffset()).toBe(3 * DAY_MS);
      const restarted = createOffsetClock(await second.sandboxState.getClockOffset(), (ms) =>
        second.sandboxState.setClockOffset(ms),
      );
      await restarted.reset();
      expect(await second.sandboxState.getClockOffset()).toBe(0);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never overlaps two runs of the background work", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const ticker = startTicker(async () => {
      running += 1;
      runs += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
    }, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ticker.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(maxRunning).toBe(1);
    expect(running).toBe(0);
  });
});
