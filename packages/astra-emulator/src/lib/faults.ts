// Fault injection (control API): a request matching an active fault waits its delay, then either answers the
// fault's status in Astra's error envelope without reaching the route, or runs normally. A fault only hits
// requests of the app that set it; the control API itself is never faulted, so a test can always clear it.
import { setTimeout as sleep } from "node:timers/promises";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Store } from "../store";
import { parseBasic } from "./auth";
import { ApiError } from "./create-app";

const isControlPath = (path: string) => path === "/sandbox" || path.startsWith("/sandbox/");
const isModulePath = (path: string) =>
  /^\/(login\/oauth\/authorize|verify|institutions\/connect|cards\/connect)\//.test(path);

/** A module page form names its app only through the session it carries in the hidden `session_id` field. */
async function moduleSessionClientId(store: Store, c: Context): Promise<string | null> {
  const type = c.req.header("content-type") ?? "";
  if (c.req.method !== "POST" || !isModulePath(c.req.path)) return null;
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  // parseBody caches what it read, so the route reads the same form again without a second pass.
  const sessionId = (await c.req.parseBody())["session_id"];
  return typeof sessionId === "string" && sessionId !== "" ? store.moduleSessions.clientIdOf(sessionId) : null;
}

/**
 * The app a request acts for: Basic username (the route checks the secret), the Bearer token's app, the
 * module's client_id, or the module session's app. Null when the request names no app: it is never faulted.
 */
async function requestActor(store: Store, c: Context): Promise<{ clientId: string | null; userId: string | null }> {
  const authorization = c.req.header("authorization") ?? "";
  const basic = parseBasic(authorization);
  if (basic) return { clientId: basic.id, userId: null };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer) {
    const token = await store.tokens.findAccessToken(bearer);
    return { clientId: token?.clientId ?? null, userId: token?.userId ?? null };
  }
  return { clientId: c.req.query("client_id") ?? (await moduleSessionClientId(store, c)), userId: null };
}

/**
 * In visitor scope (the hosted demo) faults are set for one user and hit only that user's API calls (their
 * bearer token's); a request naming no user is never faulted there, so one visitor cannot break another's.
 */
export function faultInjection(store: Store, visitorScope = false) {
  return createMiddleware(async (c, next) => {
    const nowMs = Date.now();
    if (isControlPath(c.req.path) || !(await store.faults.anyActive(nowMs))) return next();
    let actor: { clientId: string | null; userId: string | null };
    try {
      actor = await requestActor(store, c);
    } catch {
      actor = { clientId: null, userId: null }; // an unreadable form body: the route's own parsing answers it
    }
    const { clientId, userId } = actor;
    if (clientId === null || (visitorScope && userId === null)) return next();
    const fault = await store.faults.take({ method: c.req.method, path: c.req.path, clientId, userId }, nowMs);
    if (!fault) return next();
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.status !== null) {
      throw new ApiError(
        fault.status as ContentfulStatusCode,
        `Injected fault ${fault.id}: the sandbox control API asked for this ${fault.status}.`,
      );
    }
    return next();
  });
}
