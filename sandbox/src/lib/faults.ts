// Fault injection (control API): a request matching an active fault waits its delay, then either answers the
// fault's status in Astra's error envelope without reaching the route, or runs normally. The control API
// itself is never faulted, so a test can always clear what it set.
import { setTimeout as sleep } from "node:timers/promises";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Store } from "../store";
import { ApiError } from "./create-app";

const isControlPath = (path: string) => path === "/sandbox" || path.startsWith("/sandbox/");

/** The app a request acts for, when it says so cheaply: Basic username, Bearer token, or client_id query. */
async function requestClientId(store: Store, authorization: string, clientIdParam: string | undefined) {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " "));
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer) return (await store.tokens.findAccessToken(bearer))?.clientId ?? null;
  return clientIdParam ?? null;
}

export function faultInjection(store: Store) {
  return createMiddleware(async (c, next) => {
    if (isControlPath(c.req.path) || !(await store.faults.anyActive())) return next();
    let clientId: string | null;
    try {
      clientId = await requestClientId(store, c.req.header("authorization") ?? "", c.req.query("client_id"));
    } catch {
      clientId = null; // an undecodable Basic header: the route's own auth answers it
    }
    const fault = await store.faults.take({ method: c.req.method, path: c.req.path, clientId });
    if (!fault) return next();
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.status !== null) {
      throw new ApiError(fault.status as ContentfulStatusCode, `Injected fault ${fault.id}: the sandbox control API asked for this ${fault.status}.`);
    }
    return next();
  });
}
