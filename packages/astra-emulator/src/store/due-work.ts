// Which apps and which clock-advanced users have due work now, asked of the store in one statement each, so a pass
// costs the same however many users once moved their clock: only those with something due get a pass (lib/due-work.ts).
import { localDate } from "../lib/schedule";
import type { Dialect, Sql } from "./sql/port";

export interface DueOwner {
  clientId: string;
  /** Set for a user with a clock of their own (visitor scope); null for an app's pass. */
  userId: string | null;
}

interface DueRow {
  client_id: string;
  user_id: string | null;
  offset_ms: number;
  other_due: number;
  next_run_date: string | null;
}

/** Seven hours: no Pacific date starts before UTC is 7 hours into it, so `date(t - 7 h)` never precedes the local one. */
const PACIFIC_LEAD_SECONDS = 7 * 60 * 60;

/** The UTC date of epoch milliseconds `ms` less seven hours, as YYYY-MM-DD: never before the Pacific date at `ms`. */
function latestLocalDate(dialect: Dialect, ms: string): string {
  const seconds = `(${ms}) / 1000 - ${PACIFIC_LEAD_SECONDS}`;
  return dialect === "sqlite"
    ? `date(${seconds}, 'unixepoch')`
    : `to_char(to_timestamp(${seconds}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
}

/**
 * One row per owner (`ownerColumn` of the user's or app's row, `nowExpr` their sandbox time): whether KYC,
 * settlement or a webhook is due, and their earliest active routine date, kept only when it may be due.
 */
function dueSelect(dialect: Dialect, owners: string, ownerColumn: "user_id" | "client_id", nowExpr: string) {
  const of = (alias: string) => `${alias}.${ownerColumn} = o.owner`;
  return `SELECT * FROM (
    SELECT o.client_id, o.user_id, o.offset_ms,
      CASE WHEN EXISTS (SELECT 1 FROM user_intents i WHERE ${of("i")} AND i.kyc_resolves_at <= ${nowExpr})
        OR EXISTS (SELECT 1 FROM transfers t WHERE ${of("t")} AND t.status = 'pending'
          AND t.estimated_clearing_at <= ${nowExpr})
        OR EXISTS (SELECT 1 FROM webhook_events e JOIN apps a ON a.client_id = e.client_id
          WHERE ${of("e")} AND e.delivered_at IS NULL AND a.webhook_url IS NOT NULL AND a.webhook_url <> ''
          AND ((e.next_attempt_at IS NULL AND e.attempts = 0) OR e.next_attempt_at <= ${nowExpr}))
      THEN 1 ELSE 0 END AS other_due,
      (SELECT MIN(r.next_run_date) FROM routines r WHERE ${of("r")} AND r.status = 'active') AS next_run_date
    FROM (${owners}) o
  ) d WHERE d.other_due = 1 OR d.next_run_date <= ${latestLocalDate(dialect, "@now + d.offset_ms")}`;
}

export function createDueWorkStore(sql: Sql) {
  const appsDue = sql.prepare<{ now: number }, DueRow>(
    dueSelect(
      sql.dialect,
      `SELECT a.client_id AS owner, a.client_id, CAST(NULL AS TEXT) AS user_id, COALESCE(k.offset_ms, 0) AS offset_ms
       FROM apps a LEFT JOIN app_clocks k ON k.client_id = a.client_id`,
      "client_id",
      "@now + o.offset_ms",
    ),
  );
  const usersDue = sql.prepare<{ now: number }, DueRow>(
    dueSelect(
      sql.dialect,
      `SELECT c.user_id AS owner, u.client_id, c.user_id, c.offset_ms
       FROM user_clocks c JOIN users u ON u.id = c.user_id WHERE c.offset_ms <> 0`,
      "user_id",
      "@now + o.offset_ms",
    ),
  );
  // The SQL keeps a routine date up to an hour early (it knows no time zones); the Pacific date decides here.
  const stillDue = (row: DueRow, baseMs: number) =>
    row.other_due === 1 ||
    (row.next_run_date !== null && row.next_run_date <= localDate(new Date(baseMs + row.offset_ms)));
  const owners = async (statement: typeof appsDue, base: Date): Promise<DueOwner[]> =>
    (await statement.all({ now: base.getTime() }))
      .filter((row) => stillDue(row, base.getTime()))
      .map((row) => ({ clientId: row.client_id, userId: row.user_id }));

  return {
    /** The apps with work due at their own clock (`base` plus each app's offset). */
    apps: (base: Date) => owners(appsDue, base),
    /** Visitor scope: the users whose clock runs ahead and who have work due at it. */
    advancedUsers: (base: Date) => owners(usersDue, base),
  };
}
