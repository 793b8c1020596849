// The token hand-over across instances: an advisory lock per old refresh token; successors stored as JWEs.
import "server-only";
import { createHash } from "node:crypto";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { Pool, PoolClient } from "pg";
import { ensureAppTables, pruneTimer, RETENTION, rollBack } from "@/lib/db/app-tables";
import { createMemoryTokenHandOver, SUCCESSOR_TTL_MS, type TokenHandOver } from "./token-hand-over";

/** Its own salt, so a stored successor can never pass for a session cookie, or the reverse. */
const SALT = "astra-app.token-successor";
const FRESH = `at > now() - interval '${RETENTION.tokenSuccessors}'`;

const hashOf = (refreshToken: string) => createHash("sha256").update(refreshToken).digest("hex");

export function createPostgresTokenHandOver(pool: Pool, { secret }: { secret: string }): TokenHandOver {
  const local = createMemoryTokenHandOver();
  const pruneDue = pruneTimer();

  // encode() stamps its own iat/exp/jti, so the session travels as one claim; the row's age decides freshness.
  const seal = (token: JWT) =>
    encode({ token: { successor: token }, secret, salt: SALT, maxAge: (2 * SUCCESSOR_TTL_MS) / 1000 });
  const unseal = async (jwe: string): Promise<JWT | null> => {
    try {
      const payload = await decode({ token: jwe, secret, salt: SALT });
      const successor = payload?.successor;
      return successor && typeof successor === "object" ? (successor as JWT) : null;
    } catch {
      return null; // sealed under a previous AUTH_SECRET: as good as absent
    }
  };

  const storedSuccessor = async (db: Pool | PoolClient, refreshToken: string): Promise<JWT | null> => {
    const { rows } = await db.query<{ jwe: string }>(
      `SELECT jwe FROM app_token_successors WHERE old_hash = $1 AND ${FRESH}`,
      [hashOf(refreshToken)],
    );
    return rows[0] ? unseal(rows[0].jwe) : null;
  };

  const latest = async (token: JWT): Promise<JWT> => {
    let current = local.latestKnown(token);
    try {
      await ensureAppTables(pool);
      for (let hops = 0; hops < 10 && current.refreshToken; hops += 1) {
        const next = await storedSuccessor(pool, current.refreshToken);
        if (!next) break;
        current = local.remember(current, next);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(JSON.stringify({ event: "token_hand_over_read_failed", message }));
    }
    return current;
  };

  /** Astra has already rotated the tokens: a database failure must not lose them for this request. */
  const storeSuccessor = async (client: PoolClient, oldHash: string, next: JWT): Promise<Error | undefined> => {
    try {
      if (next.accessToken && !next.error) {
        await client.query(
          `INSERT INTO app_token_successors (old_hash, jwe) VALUES ($1, $2)
           ON CONFLICT (old_hash) DO UPDATE SET jwe = excluded.jwe, at = now()`,
          [oldHash, await seal(next)],
        );
      }
      await client.query("COMMIT");
      return undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(JSON.stringify({ event: "token_hand_over_store_failed", message }));
      return rollBack(client);
    }
  };

  const refreshAcrossInstances = async (token: JWT, exchange: (token: JWT) => Promise<JWT>): Promise<JWT> => {
    await ensureAppTables(pool);
    if (pruneDue()) await pool.query(`DELETE FROM app_token_successors WHERE NOT (${FRESH})`);
    const oldHash = hashOf(token.refreshToken!);
    const client = await pool.connect();
    let handedOver: JWT | null;
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      // Held until COMMIT: a second instance refreshing the same session waits here, then finds the row below.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [oldHash]);
      handedOver = await storedSuccessor(client, token.refreshToken!);
      if (!handedOver) {
        const next = await exchange(token);
        broken = await storeSuccessor(client, oldHash, next);
        return next;
      }
      await client.query("COMMIT");
    } catch (error) {
      broken = await rollBack(client);
      throw error;
    } finally {
      client.release(broken);
    }
    return latest(handedOver);
  };

  return {
    latestKnown: local.latestKnown,
    latest,
    refresh: (token, exchange) => local.refresh(token, (current) => refreshAcrossInstances(current, exchange)),
  };
}
