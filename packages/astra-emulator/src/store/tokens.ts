// Authorization codes, access tokens and refresh tokens. Only hashes are stored; the raw values are
// returned once, when they are issued.
import { hashSecret, newSecret } from "../lib/ids";
import { ACCESS_TOKEN_TTL_SECONDS, AUTHORIZATION_CODE_TTL_MS, REFRESH_TOKEN_TTL_MS } from "../lib/lifetimes";
import type { Sql } from "./sql/port";

export interface Grant {
  clientId: string;
  userId: string;
  expiresAt: Date;
}

export interface AuthorizationCode extends Grant {
  redirectUri: string;
  usedAt: Date | null;
}

export interface AccessToken extends Grant {
  revokedAt: Date | null;
}

/** The token endpoint's two grants, as recorded in token_grants. */
export type GrantType = "authorization_code" | "refresh_token";

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

interface GrantRow {
  client_id: string;
  user_id: string;
  expires_at: number;
}

const toGrant = (row: GrantRow): Grant => ({
  clientId: row.client_id,
  userId: row.user_id,
  expiresAt: new Date(row.expires_at),
});

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export async function insertAuthorizationCode(
  sql: Sql,
  grant: { clientId: string; userId: string; redirectUri: string },
  now: Date,
): Promise<string> {
  const code = newSecret(24);
  await sql
    .prepare(
      `INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
    )
    .run(hashSecret(code), grant.clientId, grant.userId, grant.redirectUri, now.getTime() + AUTHORIZATION_CODE_TTL_MS);
  return code;
}

export function createTokensStore(sql: Sql) {
  const codeByHash = sql.prepare<[string], GrantRow & { redirect_uri: string; used_at: number | null }>(
    "SELECT * FROM authorization_codes WHERE code_hash = ?",
  );
  const markCodeUsed = sql.prepare<[number, string]>(
    "UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
  );
  const accessByHash = sql.prepare<[string], GrantRow & { revoked_at: number | null }>(
    "SELECT * FROM access_tokens WHERE token_hash = ?",
  );
  const refreshByHash = sql.prepare<[string], GrantRow>("SELECT * FROM refresh_tokens WHERE token_hash = ?");
  const revokeAccess = sql.prepare<[number, string, string]>(
    "UPDATE access_tokens SET revoked_at = ? WHERE user_id = ? AND client_id = ? AND revoked_at IS NULL",
  );
  const insertAccess = sql.prepare<[string, string, string, number, number]>(
    "INSERT INTO access_tokens (token_hash, client_id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const insertRefresh = sql.prepare<[string, string, string, number, number]>(
    "INSERT INTO refresh_tokens (token_hash, client_id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const insertGrant = sql.prepare<[string, string, GrantType, number]>(
    "INSERT INTO token_grants (client_id, user_id, grant_type, created_at) VALUES (?, ?, ?, ?)",
  );

  // Astra keeps one valid access token per user and client: issuing one revokes the previous one.
  // Each exchange is also counted in token_grants, so tests can see how many refreshes a client made.
  const issue = (clientId: string, userId: string, now: number, grantType?: GrantType): Promise<IssuedTokens> =>
    sql.transaction(async () => {
      const accessToken = newSecret();
      const refreshToken = newSecret();
      await revokeAccess.run(now, userId, clientId);
      await insertAccess.run(hashSecret(accessToken), clientId, userId, now + ACCESS_TOKEN_TTL_SECONDS * 1000, now);
      await insertRefresh.run(hashSecret(refreshToken), clientId, userId, now + REFRESH_TOKEN_TTL_MS, now);
      if (grantType) await insertGrant.run(clientId, userId, grantType, now);
      return { accessToken, refreshToken, expiresInSeconds: ACCESS_TOKEN_TTL_SECONDS };
    });

  return {
    async findAuthorizationCode(code: string): Promise<AuthorizationCode | null> {
      const row = await codeByHash.get(hashSecret(code));
      if (!row) return null;
      return { ...toGrant(row), redirectUri: row.redirect_uri, usedAt: toDate(row.used_at) };
    },
    /** Marks a code used. False when it had already been used, so two racing exchanges cannot both win. */
    async consumeAuthorizationCode(code: string, now: Date): Promise<boolean> {
      return (await markCodeUsed.run(now.getTime(), hashSecret(code))).changes === 1;
    },
    /** `grantType` names the token-endpoint exchange this is, counted in token_grants; omit it for test setups. */
    async issueTokens(
      grant: { clientId: string; userId: string },
      now: Date,
      grantType?: GrantType,
    ): Promise<IssuedTokens> {
      return issue(grant.clientId, grant.userId, now.getTime(), grantType);
    },
    async findAccessToken(token: string): Promise<AccessToken | null> {
      const row = await accessByHash.get(hashSecret(token));
      return row ? { ...toGrant(row), revokedAt: toDate(row.revoked_at) } : null;
    },
    async findRefreshToken(token: string): Promise<Grant | null> {
      const row = await refreshByHash.get(hashSecret(token));
      return row ? toGrant(row) : null;
    },
  };
}
