// Sign-in state of the dashboard: the session cookie, the same-origin guard on every POST, and the
// middlewares that load the signed-in developer and an app they own.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { cookiePath, href } from "../../lib/base-path";
import { systemClock } from "../../lib/clock";
import { servedOverHttps } from "../../lib/security-headers";
import type { Chrome, DashboardTab } from "../../pages/dashboard/layout";
import type { DeveloperApp, Store } from "../../store";
import { DEVELOPER_SESSION_TTL_MS, type Developer } from "../../store/developers";

export const SESSION_COOKIE = "astra_sandbox_dev";
const COOKIE_PATH = "/dashboard";

export type SignedInEnv = { Variables: { developer: Developer } };
export type AppEnv = { Variables: { developer: Developer; app: DeveloperApp } };

/**
 * Developer sessions run on real time, not the sandbox clock: moving the sandbox clock days ahead to run
 * routines should not sign the developer out of the dashboard.
 */
export const sessionNow = (): Date => systemClock.now();

export const ownOrigin = (c: Context): string => new URL(c.req.url).origin;

export function startSession(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: cookiePath(c, COOKIE_PATH),
    httpOnly: true,
    sameSite: "Strict",
    secure: servedOverHttps(c),
    maxAge: DEVELOPER_SESSION_TTL_MS / 1000,
  });
}

export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

export const clearSession = (c: Context): void => {
  deleteCookie(c, SESSION_COOKIE, { path: cookiePath(c, COOKIE_PATH) });
};

/** True when the request carries no Origin header or our own; browsers send it on every cross-site POST. */
export const isSameOrigin = (c: Context): boolean => {
  const origin = c.req.header("origin");
  return origin === undefined || origin === ownOrigin(c);
};

/** Only dashboard paths are accepted as a place to return to after logging in. */
export function safeNext(value: string | undefined): string | undefined {
  return value && /^\/dashboard(?:[/?]|$)/.test(value) && !/[\\]|\/\//.test(value) ? value : undefined;
}

/** Loads the signed-in developer, or sends the browser to the login page (and back here afterwards). */
export function signedIn(store: Store) {
  return createMiddleware<SignedInEnv>(async (c, next) => {
    const token = sessionToken(c);
    const developer = token ? await store.developers.findBySession(token, sessionNow()) : null;
    if (!developer) {
      const here = new URL(c.req.url);
      const next = c.req.method === "GET" ? `?next=${encodeURIComponent(here.pathname + here.search)}` : "";
      return c.redirect(href(c, `/dashboard/login${next}`), 303);
    }
    c.set("developer", developer);
    await next();
  });
}

/** Loads the `:clientId` app; anyone but its owner gets the same 404 as for an app that does not exist. */
export function ownsApp(store: Store, renderNotFound: (c: Context) => Response | Promise<Response>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const app = await store.apps.findByClientId(c.req.param("clientId") ?? "");
    if (!app || app.developerId !== c.get("developer").id) return renderNotFound(c);
    c.set("app", app);
    await next();
  });
}

export async function chromeFor(
  store: Store,
  developer: Developer,
  current?: { app: DeveloperApp; tab: DashboardTab },
): Promise<Chrome> {
  const apps = await store.apps.listByDeveloper(developer.id);
  return {
    email: developer.email,
    name: `${developer.firstName} ${developer.lastName}`.trim(),
    apps: apps.map((app) => ({ clientId: app.clientId, name: app.name })),
    current: current
      ? { app: { clientId: current.app.clientId, name: current.app.name }, tab: current.tab }
      : undefined,
  };
}
