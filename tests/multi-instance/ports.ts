// Where the multi-instance suite runs: two `next start` instances, the round-robin proxy in front of them, a
// small control server (restarts) and a throwaway Postgres, on loopback ports apart from the other suites.
// MULTI_PORT moves the four HTTP ports (instances, proxy, control); MULTI_PG_PORT the database.
const base = Number(process.env.MULTI_PORT ?? 3120);

export const INSTANCE_PORTS = [base, base + 1];
export const INSTANCE_URLS = INSTANCE_PORTS.map((port) => `http://127.0.0.1:${port}`);
export const PROXY_PORT = base + 2;
/** What visitors use: `localhost`, since Next rewrites 127.0.0.1. */
export const PROXY_URL = `http://localhost:${PROXY_PORT}`;
export const CONTROL_URL = `http://127.0.0.1:${base + 3}`;
export const PG_PORT = Number(process.env.MULTI_PG_PORT ?? 55452);
/** The one AUTH_SECRET both instances share: a session cookie sealed by one opens on the other. */
export const MULTI_AUTH_SECRET = "multi-instance-only-auth-secret-0123456789";
