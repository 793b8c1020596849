// Short named leases, so that of many instances sharing one database only one runs a job at a time (the hosted
// demo's due work, lib/tick-if-due.ts). Times are real epoch milliseconds, never a sandbox clock.
import type { Sql } from "./sql/port";

export function createLeasesStore(sql: Sql) {
  // Taken when free or expired; the WHERE on the conflict branch makes a live lease of someone else win.
  const take = sql.prepare<{ name: string; holder: string; now: number; until: number }>(
    `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE leases.expires_at <= @now`,
  );
  const shorten = sql.prepare<[number, string, string]>(
    "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?",
  );

  return {
    /** True when `holder` now holds `name` until `until`; false while another holder's lease is live. */
    async take(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
      return sql.transaction(async () => {
        const { changes } = await take.run({ name, holder, now: now.getTime(), until: until.getTime() });
        return changes === 1;
      });
    },
    /** Lets the lease run out at `until` (earlier than it was taken for), if `holder` still holds it. */
    async release(name: string, holder: string, until: Date): Promise<void> {
      await shorten.run(until.getTime(), name, holder);
    },
  };
}
