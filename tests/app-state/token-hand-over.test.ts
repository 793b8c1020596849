import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exchangeRefreshToken } from "@/lib/auth/refresh-token";
import { createPostgresTokenHandOver } from "@/lib/auth/token-hand-over-postgres";
import { createTestDatabase, type TestDatabase } from "./database";

// The refreshed-token hand-over shared by instances: one refresh at Astra however many requests of one session
// arrive at however many instances, and the successor stored sealed, never as a token in the clear.
const SECRET = "app-state-test-secret-of-enough-length";

/** A stand-in for Astra's token endpoint on loopback: counts exchanges and issues numbered pairs. */
function startTokenEndpoint() {
  const exchanged: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const refreshToken = new URLSearchParams(body).get("refresh_token") ?? "";
      exchanged.push(refreshToken);
      const n = exchanged.length;
      // A slow answer, so the other requests really arrive while this exchange is in flight.
      setTimeout(() => {
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            access_token: `access-${n}`,
            refresh_token: `refresh-${n}`,
            expires_in: 7200,
            token_type: "Bearer",
          }),
        );
      }, 150);
    });
  });
  return new Promise<{ url: string; exchanged: string[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        exchanged,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

let db: TestDatabase;
let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>>;

beforeAll(async () => {
  endpoint = await startTokenEndpoint();
  // exchangeRefreshToken reads the API URL from lib/env.ts, which parses on first use (after this).
  vi.stubEnv("ASTRA_API_URL", endpoint.url);
  db = await createTestDatabase();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.drop();
  await endpoint?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const expiredSession = (refreshToken: string): JWT => ({
  astraUserId: "usr_hand_over",
  status: "approved",
  accessToken: `expired-access-for-${refreshToken}`,
  refreshToken,
  expiresAt: now() - 5,
  exp: now() + 86_400,
});
const instance = () => createPostgresTokenHandOver(db.instance(), { secret: SECRET });

describe("token hand-over in Postgres", () => {
  it("makes one exchange for 20 parallel refreshes of one session spread over two instances", async () => {
    const [a, b] = [instance(), instance()];
    const session = expiredSession("refresh-0");
    const before = endpoint.exchanged.length;

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).refresh(session, exchangeRefreshToken)),
    );

    expect(endpoint.exchanged.slice(before)).toEqual(["refresh-0"]);
    const pairs = new Set(results.map((result) => `${result.accessToken} ${result.refreshToken}`));
    expect(pairs.size).toBe(1);
    // (Whichever instance won the lock, the other read the pair back from the database.)
    expect(results.every((result) => result.astraUserId === "usr_hand_over" && !result.error)).toBe(true);
    // The session's own lifetime survives the trip through the database.
    expect(results.every((result) => result.exp === session.exp)).toBe(true);
  });

  it("stores only a sealed successor, keyed by the SHA-256 of the refresh token it replaced", async () => {
    const session = expiredSession("refresh-sealed");
    const next = await instance().refresh(session, exchangeRefreshToken);

    const { rows } = await db.instance().query("SELECT old_hash, jwe FROM app_token_successors");
    const stored = JSON.stringify(rows);
    for (const secret of [session.refreshToken!, session.accessToken!, next.accessToken!, next.refreshToken!]) {
      expect(stored).not.toContain(secret);
    }
    const oldHash = createHash("sha256").update("refresh-sealed").digest("hex");
    expect(rows.map((row) => row.old_hash)).toContain(oldHash);
  });

  it("hands a refresh made on one instance to a request with the old cookie on a new instance", async () => {
    const session = expiredSession("refresh-old-cookie");
    const first = await instance().refresh(session, exchangeRefreshToken);
    const exchanges = endpoint.exchanged.length;

    const fresh = instance();
    // The hot path reads no database: a new instance knows nothing yet…
    expect(fresh.latestKnown(session)).toBe(session);
    // …but the shared view has the successor, and refreshing again reuses it instead of calling Astra.
    expect(await fresh.latest(session)).toMatchObject({ accessToken: first.accessToken });
    expect(await instance().refresh(session, exchangeRefreshToken)).toMatchObject({
      accessToken: first.accessToken,
      refreshToken: first.refreshToken,
    });
    expect(endpoint.exchanged.length).toBe(exchanges);

    // When that successor is refreshed too (elsewhere), an old cookie follows the chain to the newest pair.
    const second = await instance().refresh(first, exchangeRefreshToken);
    expect(endpoint.exchanged.at(-1)).toBe(first.refreshToken);
    expect(await instance().latest(session)).toMatchObject({ accessToken: second.accessToken });
  });

  it("stores nothing when Astra rejects the refresh token, so the session goes to re-authorize", async () => {
    const session = expiredSession("refresh-revoked");
    const rejecting = () =>
      Promise.resolve({ ...session, accessToken: undefined, error: "RefreshTokenError" as const });
    expect(await instance().refresh(session, rejecting)).toMatchObject({ error: "RefreshTokenError" });
    const oldHash = createHash("sha256").update("refresh-revoked").digest("hex");
    const { rowCount } = await db.instance().query("SELECT 1 FROM app_token_successors WHERE old_hash = $1", [oldHash]);
    expect(rowCount).toBe(0);
  });
});
