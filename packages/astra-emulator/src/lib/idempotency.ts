// Idempotency-Key on POSTs under /v1: a retry with the same key and body replays the first answer instead of
// acting twice. Astra does not document it; see packages/astra-emulator/docs/money-movement.md.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Deps } from "../deps";
import { parseBasic } from "./auth";
import { ApiError } from "./create-app";

const WAIT_FOR_FIRST_MS = 5000;
const POLL_MS = 25;
const EXCLUDED_PATHS = new Set(["/v1/oauth/token"]);

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** 2xx answers and validation failures are final; anything else (401, 404, 5xx...) may succeed on a retry. */
const isReplayable = (status: number) => (status >= 200 && status < 300) || status === 400 || status === 422;

interface Credential {
  /** Keys are remembered per credential. */
  scope: string;
  /** Whose clock the key's lifetime runs on. */
  clientId: string;
}

/** Who is asking: the user and client behind a valid bearer token, or the Basic credentials. Null = no auth. */
async function credentialOf({ store, clocks }: Deps, authorization: string | undefined): Promise<Credential | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (bearer) {
    const token = await store.tokens.findAccessToken(bearer);
    const valid = token && !token.revokedAt && token.expiresAt > (await clocks.now(token.clientId, token.userId));
    return valid ? { scope: `user:${token.userId}:${token.clientId}`, clientId: token.clientId } : null;
  }
  // The client id lets a reset find the app's keys; the header's hash keeps them bound to the secret.
  const basic = parseBasic(authorization);
  return basic ? { scope: `client:${basic.id}:${sha256(authorization ?? "")}`, clientId: basic.id } : null;
}

function replay(c: Context, statusCode: number, body: string): Response {
  const headers: Record<string, string> = { "Idempotent-Replayed": "true" };
  if (body !== "") headers["Content-Type"] = "application/json";
  return c.newResponse(body === "" ? null : body, statusCode as ContentfulStatusCode, headers);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function idempotency(deps: Deps) {
  const { store, clocks } = deps;
  return createMiddleware(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || key === undefined || EXCLUDED_PATHS.has(c.req.path)) return next();
    if (!/^[\x20-\x7e]{1,255}$/.test(key) || key.trim() === "") {
      throw new ApiError(400, "Idempotency-Key must be 1 to 255 printable ASCII characters.");
    }
    const credential = await credentialOf(deps, c.req.header("authorization"));
    if (!credential) return next(); // the route's auth answers 401, and nothing is worth remembering
    const scope = `${credential.scope} POST ${c.req.path}`;
    const requestHash = sha256(await c.req.raw.clone().text());

    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    let claim = await store.idempotency.claim(scope, key, requestHash, await clocks.now(credential.clientId));
    // The first request with this key is still running: wait for its answer rather than act twice.
    while (claim.kind === "in_progress" && Date.now() < deadline) {
      await sleep(POLL_MS);
      claim = await store.idempotency.claim(scope, key, requestHash, await clocks.now(credential.clientId));
    }
    if (claim.kind === "replay") return replay(c, claim.statusCode, claim.body);
    if (claim.kind === "conflict") {
      throw new ApiError(409, "This Idempotency-Key was already used with a different request body.");
    }
    if (claim.kind === "in_progress") {
      throw new ApiError(409, "A request with this Idempotency-Key is still being processed; retry shortly.");
    }

    try {
      await next();
    } catch (error) {
      await store.idempotency.release(scope, key);
      throw error;
    }
    if (isReplayable(c.res.status)) {
      await store.idempotency.complete(scope, key, c.res.status, await c.res.clone().text());
    } else {
      await store.idempotency.release(scope, key);
    }
  });
}
