// Drives the emulator in-process: a fresh store per call, Basic headers, and the OAuth module flow over HTTP.
import { createApp } from "../../sandbox/src/app";
import { createManualClock } from "../../sandbox/src/lib/clock";
import { createStore, DEFAULT_APP, DEMO_USER_PHONE } from "../../sandbox/src/store";

export { DEFAULT_APP, DEMO_USER_PHONE };
export const REDIRECT_URI = DEFAULT_APP.redirectUris[0] ?? "";

export function createSandbox() {
  const store = createStore(":memory:");
  const clock = createManualClock(new Date("2026-01-15T17:00:00Z"));
  const app = createApp({ store, clock });
  return { store, clock, app };
}

export type Sandbox = ReturnType<typeof createSandbox>;
export type SandboxApp = Sandbox["app"];

export function basicAuth(clientId = DEFAULT_APP.clientId, secret = DEFAULT_APP.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
}

export function postForm(app: SandboxApp, path: string, fields: Record<string, string>, headers = {}) {
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
export async function runModuleFlow(app: SandboxApp, options: FlowOptions = {}): Promise<Response> {
  const query = { ...(options.state ? { state: options.state } : {}), ...options.query };
  const start = await app.request(authorizeUrl(query));
  if (start.status !== 200) throw new Error(`Module start failed: ${start.status}`);
  const session_id = sessionIdFrom(await start.text());
  const step = async (path: string, fields: Record<string, string>) => {
    const response = await postForm(app, `/login/oauth/authorize/${path}`, { session_id, ...fields });
    if (response.status !== 200) throw new Error(`${path} step failed: ${response.status}\n${await response.text()}`);
    return response.text();
  };
  await step("phone", { phone: options.phone ?? DEMO_USER_PHONE });
  const afterCode = await step("code", { code: "123456" });
  if (afterCode.includes('action="/login/oauth/authorize/profile"')) {
    await step("profile", options.profile ?? { first_name: "Test", last_name: "User", email: "test@example.com" });
  }
  return postForm(app, "/login/oauth/authorize/consent", { session_id, decision: options.decision ?? "authorize" });
}

/** Runs the module and returns the authorization code from the redirect. */
export async function getAuthorizationCode(app: SandboxApp, options: FlowOptions = {}): Promise<string> {
  const response = await runModuleFlow(app, options);
  const code = new URL(response.headers.get("location") ?? "").searchParams.get("code");
  if (response.status !== 302 || !code) throw new Error(`No code in redirect: ${response.status}`);
  return code;
}

export function exchangeCode(app: SandboxApp, code: string, redirectUri = REDIRECT_URI, auth = basicAuth()) {
  return postForm(
    app,
    "/v1/oauth/token",
    { grant_type: "authorization_code", code, redirect_uri: redirectUri },
    { Authorization: auth },
  );
}

export function refresh(app: SandboxApp, refreshToken: string, auth = basicAuth()) {
  return postForm(
    app,
    "/v1/oauth/token",
    { grant_type: "refresh_token", refresh_token: refreshToken },
    { Authorization: auth },
  );
}

/** A signed-in user's tokens, straight through the module and the code exchange. */
export async function signIn(app: SandboxApp, options: FlowOptions = {}) {
  const response = await exchangeCode(app, await getAuthorizationCode(app, options));
  if (response.status !== 200) throw new Error(`Code exchange failed: ${response.status}`);
  return (await response.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

export function getWithToken(app: SandboxApp, path: string, token: string) {
  return app.request(path, { headers: { Authorization: `Bearer ${token}` } });
}
