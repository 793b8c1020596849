// Short named leases, so that of many instances sharing one database only one runs a job at a time (the hosted
// demo's due work, lib/due-work.ts). Times are real epoch milliseconds, never a sandbox clock.
import type { Sql } from "./sql/port";

export function createLeasesStore(sql: Sql) {
  // Taken when free or expired; the WHERE on the conflict branch makes a live lease of someone else win.
  const take = sql.prepare<{ name: string; holder: string; now: number; until: number }>(
    `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, wanted = 0
     WHERE leases.expires_at <= @now`,
  );
  const want = sql.prepare<[string]>("UPDATE leases SET wanted = 1 WHERE name = ?");
  const claimWanted = sql.prepare<[string, string]>(
    "UPDATE leases SET wanted = 0 WHERE name = ? AND holder = ? AND wanted = 1",
  );
  const shorten = sql.prepare<[number, string, string]>(
    "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?",
  );

  return {
    /**
     * True when `holder` now holds `name` until `until`. False while another holder's lease is live, and then the
     * lease is marked wanted, so its holder runs once more for what this caller brought (see `release`).
     */
    async take(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
      return sql.transaction(async () => {
        const { changes } = await take.run({ name, holder, now: now.getTime(), until: until.getTime() });
        if (changes === 0) await want.run(name);
        return changes === 1;
      });
    },
    /**
     * Lets the lease run out at `until` (earlier than it was taken for), if `holder` still holds it; unless someone
     * wanted it meanwhile: then `holder` keeps it and gets true, to run again.
     */
    async release(name: string, holder: string, until: Date): Promise<boolean> {
      return sql.transaction(async () => {
        if ((await claimWanted.run(name, holder)).changes === 1) return true;
        await shorten.run(until.getTime(), name, holder);
        return false;
      });
    },
  };
}
