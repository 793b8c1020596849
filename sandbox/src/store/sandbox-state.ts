// Emulator-wide settings that outlive a restart, such as how far the sandbox clock was advanced.
import type { Database } from "better-sqlite3";

const CLOCK_OFFSET = "clock_offset_ms";

export function createSandboxStateStore(db: Database) {
  const read = db.prepare<[string], string>("SELECT value FROM sandbox_state WHERE key = ?").pluck();
  const write = db.prepare<[string, string]>(
    "INSERT INTO sandbox_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  return {
    /** 0 until the clock was first advanced. */
    async getClockOffset(): Promise<number> {
      const value = Number(read.get(CLOCK_OFFSET) ?? 0);
      return Number.isFinite(value) ? value : 0;
    },
    async setClockOffset(offsetMs: number): Promise<void> {
      write.run(CLOCK_OFFSET, String(offsetMs));
    },
  };
}
