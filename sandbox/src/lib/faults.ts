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
const isModulePath = (path: string) => /^\/(login\/oauth\/authorize|verify|institutions\/connect)\//.test(path);

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
async function requestClientId(store: Store, c: Context): Promise<string | null> {
  const authorization = c.req.header("authorization") ?? "";
  const basic = parseBasic(authorization);
  if (basic) return basic.id;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer) return (await store.tokens.findAccessToken(bearer))?.clientId ?? null;
  return c.req.query("client_id") ?? (await moduleSessionClientId(store, c));
}

export function faultInjection(store: Store) {
  return createMiddleware(async (c, next) => {
    if (isControlPath(c.req.path) || !(await store.faults.anyActive())) return next();
    let clientId: string | null;
    try {
      clientId = await requestClientId(store, c);
    } catch {
      clientId = null; // an unreadable form body: the route's own parsing answers it
    }
    if (clientId === null) return next();
    const fault = await store.faults.take({ method: c.req.method, path: c.req.path, clientId });
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
