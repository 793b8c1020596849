// One signed-in user for the whole run (the files share one worker, see vitest.contract.config.ts): the first
// file that needs a token walks the module once, later ones reuse it. Astra keeps one valid access token per
// user and client (docs/managing-authorization-lifecycle), so everyone reads the current token at call time.
import { call, show, type Reply } from "./http";
import { walkModule, type Walk } from "./module-walk";
import { expectShape, tokenResponse } from "./shapes";
import { target } from "./target";

type Tokens = { access: string; refresh: string };
export type FirstGrant =
  | { via: "walk"; walk: Walk; exchange: Reply; tokens: Tokens }
  | { via: "refresh-token"; refresh: Reply; tokens: Tokens };

let first: Promise<FirstGrant> | undefined;
let current: Tokens | undefined;

/** reference/post_v1-oauth-token: authorization_code grant, client Basic auth, form body. */
export function exchangeCode(code: string, redirectUri = target().redirectUri): Promise<Reply> {
  return call("POST", "/v1/oauth/token", {
    auth: "client",
    form: { grant_type: "authorization_code", code, redirect_uri: redirectUri ?? "" },
  });
}

/** reference/post_v1-oauth-token "Option 2"; the app also sends its redirect URI (lib/auth/refresh-token.ts). */
export function refreshGrant(refreshToken: string): Promise<Reply> {
  const form: Record<string, string> = { grant_type: "refresh_token", refresh_token: refreshToken };
  const redirectUri = target().redirectUri;
  if (redirectUri) form.redirect_uri = redirectUri;
  return call("POST", "/v1/oauth/token", { auth: "client", form });
}

function tokensFrom(reply: Reply, what: string): Tokens {
  if (reply.status !== 200) throw new Error(`${what} failed: ${show(reply)}`);
  const body = expectShape(tokenResponse, reply.json, what);
  return { access: body.access_token, refresh: body.refresh_token };
}

async function obtain(): Promise<FirstGrant> {
  const t = target();
  if (t.refreshToken) {
    const refresh = await refreshGrant(t.refreshToken);
    current = tokensFrom(refresh, "The refresh of ASTRA_CONTRACT_REFRESH_TOKEN");
    return { via: "refresh-token", refresh, tokens: current };
  }
  const walk = await walkModule(t);
  const code = walk.callback.searchParams.get("code");
  if (!code) throw new Error(`The module redirected without a code: ${walk.callback.search}`);
  const exchange = await exchangeCode(code);
  current = tokensFrom(exchange, "The code exchange");
  return { via: "walk", walk, exchange, tokens: current };
}

export function firstGrant(): Promise<FirstGrant> {
  first ??= obtain();
  return first;
}

export async function accessToken(): Promise<string> {
  await firstGrant();
  return current!.access;
}

export async function refreshToken(): Promise<string> {
  await firstGrant();
  return current!.refresh;
}

/** Refreshes the shared tokens; the reply is returned for the check that looks at it. */
export async function refreshTokens(): Promise<Reply> {
  const reply = await refreshGrant(await refreshToken());
  if (reply.status === 200) current = tokensFrom(reply, "The refresh");
  return reply;
}

/** A Bearer call as the signed-in user. */
export async function asUser(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: { json?: unknown; query?: Record<string, string> } = {},
): Promise<Reply> {
  return call(method, path, { auth: { bearer: await accessToken() }, ...options });
}

/** After the emulator's reset (which deletes users and tokens) the next call signs in afresh. */
export function forgetSession(): void {
  first = undefined;
  current = undefined;
}
