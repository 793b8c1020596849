// Drives the emulator in-process: a fresh store per call, Basic headers, and the OAuth module flow over HTTP.
import { createApp } from "../src/app";
import { createManualClock } from "../src/lib/clock";
import { DEFAULT_APP, SEED_USER_PHONE } from "../src/store";
import type { UserStatus } from "../src/wire-schemas";
import { createTestStore } from "./support/test-store";

export { DEFAULT_APP, SEED_USER_PHONE };
export const REDIRECT_URI = DEFAULT_APP.redirectUris[0] ?? "";

export function createTestEmulator() {
  const store = createTestStore();
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const app = createApp({ store, clock });
  return { store, clock, app };
}

export type TestEmulator = ReturnType<typeof createTestEmulator>;
export type EmulatorApp = TestEmulator["app"];

export function basicAuth(clientId = DEFAULT_APP.clientId, secret = DEFAULT_APP.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
}

export function postForm(app: EmulatorApp, path: string, fields: Record<string, string>, headers = {}) {
  return app.request(path, { method: "POST", body: new URLSearchParams(fields), headers });
}

export function authorizeUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: DEFAULT_APP.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    ...params,
  });
  return `/login/oauth/authorize?${query}`;
}

/** The module session id carried in the hidden `session_id` field. */
export function sessionIdFrom(html: string): string {
  const match = /name="session_id" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`No session_id field in page:\n${html}`);
  return match[1];
}

export interface FlowOptions {
  phone?: string;
  state?: string;
  profile?: { first_name: string; last_name: string; email: string };
  decision?: "authorize" | "deny";
  query?: Record<string, string>;
}

/** GET the module, POST phone, code, (profile), consent. Returns the final response (a 302 on success). */
export async function runModuleFlow(app: EmulatorApp, options: FlowOptions = {}): Promise<Response> {
  const query = { ...(options.state ? { state: options.state } : {}), ...options.query };
  const start = await app.request(authorizeUrl(query));
  if (start.status !== 200) throw new Error(`Module start failed: ${start.status}`);
  const session_id = sessionIdFrom(await start.text());
  const step = async (path: string, fields: Record<string, string>) => {
    const response = await postForm(app, `/login/oauth/authorize/${path}`, { session_id, ...fields });
    if (response.status !== 200) throw new Error(`${path} step failed: ${response.status}\n${await response.text()}`);
    return response.text();
  };
  await step("phone", { phone: options.phone ?? SEED_USER_PHONE });
  const afterCode = await step("code", { code: "123456" });
  if (afterCode.includes('action="/login/oauth/authorize/profile"')) {
    await step("profile", options.profile ?? { first_name: "Test", last_name: "User", email: "test@example.com" });
  }
  return postForm(app, "/login/oauth/authorize/consent", { session_id, decision: options.decision ?? "authorize" });
}

/** Runs the module and returns the authorization code from the redirect. */
export async function getAuthorizationCode(app: EmulatorApp, options: FlowOptions = {}): Promise<string> {
  const response = await runModuleFlow(app, options);
  const code = new URL(response.headers.get("location") ?? "").searchParams.get("code");
  if (response.status !== 302 || !code) throw new Error(`No code in redirect: ${response.status}`);
  return code;
}

export function exchangeCode(app: EmulatorApp, code: string, redirectUri = REDIRECT_URI, auth = basicAuth()) {
  return postForm(
    app,
    "/v1/oauth/token",
    { grant_type: "authorization_code", code, redirect_uri: redirectUri },
    { Authorization: auth },
  );
}

export function refresh(app: EmulatorApp, refreshToken: string, auth = basicAuth()) {
  return postForm(
    app,
    "/v1/oauth/token",
    { grant_type: "refresh_token", refresh_token: refreshToken },
    { Authorization: auth },
  );
}

/** A signed-in user's tokens, straight through the module and the code exchange. */
export async function signIn(app: EmulatorApp, options: FlowOptions = {}) {
  const response = await exchangeCode(app, await getAuthorizationCode(app, options));
  if (response.status !== 200) throw new Error(`Code exchange failed: ${response.status}`);
  return (await response.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

export function getWithToken(app: EmulatorApp, path: string, token: string) {
  return app.request(path, { headers: { Authorization: `Bearer ${token}` } });
}

export interface TestAccount {
  currentCents?: number | null;
  availableCents?: number | null;
  connectionStatus?: string;
}

/**
 * A user made straight in the store, with accounts and an access token, for states the module cannot reach
 * (pending, suspended, unauthorized accounts). Each call makes a new phone number, so users never collide.
 */
export async function createTestUser(
  { store, clock }: TestEmulator,
  { status = "approved", accounts = [{}, {}] }: { status?: UserStatus; accounts?: TestAccount[] } = {},
) {
  const now = clock.now();
  const phone = `555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const user = await store.users.create(
    {
      clientId: DEFAULT_APP.clientId,
      phone,
      firstName: "Test",
      lastName: "User",
      email: `${phone}@example.com`,
      status,
    },
    now,
  );
  const accountIds: string[] = [];
  for (const [index, account] of accounts.entries()) {
    const created = await store.accounts.create(
      {
        userId: user.id,
        name: `Account ${index + 1}`,
        officialName: null,
        nickname: null,
        mask: String(1000 + index),
        institutionName: "Test Bank",
        institutionLogo: null,
        type: "depository",
        subtype: index === 0 ? "checking" : "savings",
        currentBalanceCents: account.currentCents === undefined ? 100_000 : account.currentCents,
        availableBalanceCents: account.availableCents === undefined ? 100_000 : account.availableCents,
        lastBalanceUpdateAt: now,
        connectionStatus: account.connectionStatus ?? "connected",
      },
      now,
    );
    accountIds.push(created.id);
  }
  const { accessToken } = await store.tokens.issueTokens({ clientId: DEFAULT_APP.clientId, userId: user.id }, now);
  return { user, accountIds, token: accessToken };
}

export function sendJson(app: EmulatorApp, method: string, path: string, token: string, body?: unknown, headers = {}) {
  return app.request(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface ReceivedWebhook {
  headers: import("node:http").IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 (random port) answering each POST with `statusFor(n)` (n counts from 1). */
export async function startWebhookReceiver(statusFor: (n: number) => number = () => 200) {
  const { createServer } = await import("node:http");
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statusFor(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Points the seeded app's webhooks at `url` (null turns delivery off). */
export async function setWebhookUrl({ store }: TestEmulator, url: string | null) {
  const app = await store.apps.findByClientId(DEFAULT_APP.clientId);
  if (!app) throw new Error("The seeded app is missing.");
  await store.apps.updateSettings(app.clientId, { ...app, webhookUrl: url });
}

/** A new access token for a user, e.g. after advancing the clock past the old one's two hours. */
export async function tokenFor({ store, clock }: TestEmulator, userId: string): Promise<string> {
  return (await store.tokens.issueTokens({ clientId: DEFAULT_APP.clientId, userId }, clock.now())).accessToken;
}

/** A valid POST /v1/routines body: a weekly $25 ACH routine between two of the user's accounts. */
export function routineBody(source: string, destination: string, extra: Record<string, unknown> = {}) {
  return {
    type: "recurring",
    payment_type: "ach",
    name: "Weekly savings",
    source_id: source,
    destination_id: destination,
    amount: 25,
    frequency: "weekly",
    ...extra,
  };
}

/** A valid POST /v1/user_intent body; its ip_address picks the sandbox KYC outcome (identity.md). */
export function intentBody(overrides: Record<string, unknown> = {}) {
  return {
    email: `person${Math.floor(Math.random() * 1e9)}@example.com`,
    phone: "+12025550160",
    first_name: "Maria",
    last_name: "Lopez",
    address1: "500 Market St",
    address2: "",
    city: "San Francisco",
    state: "CA",
    postal_code: "94105",
    date_of_birth: "1990-04-12",
    ssn: "123459999",
    ip_address: "203.0.113.7",
    ...overrides,
  };
}

export function createIntent(app: EmulatorApp, body: unknown, auth = basicAuth()) {
  return app.request("/v1/user_intent", {
    method: "POST",
    headers: { Authorization: auth, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** `ip_address` values that give each sandbox KYC status (anything else is approved). */
export const KYC_IP = {
  pending: "198.51.100.1",
  retry: "198.51.100.2",
  document: "198.51.100.3",
  rejected: "198.51.100.4",
  suspended: "198.51.100.5",
} as const;

/** Creates a user intent and returns its id. */
export async function newIntentId(app: EmulatorApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await createIntent(app, intentBody(overrides));
  if (response.status !== 201) throw new Error(`Intent creation failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The `astra_sandbox_login` cookie a module response set, as a Cookie header value. */
export function loginCookie(response: Response): string {
  const match = /astra_sandbox_login=([^;]+)/.exec(response.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error("No login cookie was set.");
  return `astra_sandbox_login=${match[1]}`;
}

/**
 * Opens a module page (authorize, verify, bank linking) and signs in with phone and code at its own step paths.
 * Returns the page after sign-in, its session id and the login cookie.
 */
export async function signInAt(app: EmulatorApp, url: string, phone: string) {
  const start = await app.request(url);
  if (start.status !== 200) throw new Error(`Module start failed: ${start.status}\n${await start.text()}`);
  const session_id = sessionIdFrom(await start.text());
  const base = new URL(url, "http://sandbox.test").pathname;
  await postForm(app, `${base}/phone`, { session_id, phone });
  const response = await postForm(app, `${base}/code`, { session_id, code: "123456" });
  return { response, session_id, html: await response.clone().text() };
}

/** The webhook event types the default app recorded for one resource, oldest first. */
export async function eventTypesFor({ store }: TestEmulator, resourceId: string): Promise<string[]> {
  const page = await store.webhooks.listForClient(DEFAULT_APP.clientId, { page: 1, pageSize: 100, offset: 0 });
  return page.items
    .filter((event) => event.resourceId === resourceId)
    .map((event) => event.type)
    .reverse();
}
