// The one door to Astra's REST API: base URL, bearer token, no caching, request id, retried reads, zod parsing.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { joinUrl } from "./base-url";
import { clientBasicAuthorization } from "./client-credentials";
import { AstraError } from "./errors";
import { unexpectedResponseError } from "./response-log";
import { astraTransport, notifyAstraCall } from "./hooks";

export type AstraRequest<T extends z.ZodType> = {
  path: `/v1/${string}`;
  auth: { accessToken: string } | "client";
  schema: T;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  idempotencyKey?: string;
  searchParams?: Record<string, string | number | undefined>;
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 15_000;
// Writes are never retried: a failed create is looked up instead (lib/astra/routines.ts).
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 150;
const RETRY_AFTER_CAP_MS = 2_000;

function backoffMs(attempt: number): number {
  return Math.round(BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random() / 2));
}

export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function retryDelayMs(response: Response, attempt: number): number | null {
  if (!RETRYABLE_STATUSES.has(response.status)) return null;
  const asked = retryAfterMs(response.headers.get("retry-after"));
  if (asked === null) return backoffMs(attempt);
  return asked <= RETRY_AFTER_CAP_MS ? Math.max(asked, backoffMs(attempt)) : null;
}

const isTimeout = (cause: unknown) => cause instanceof Error && cause.name === "TimeoutError";

function authorizationHeader(auth: AstraRequest<z.ZodType>["auth"]): string {
  return auth === "client" ? clientBasicAuthorization(getEnv()) : `Bearer ${auth.accessToken}`;
}

export async function astraFetch<T extends z.ZodType>(request: AstraRequest<T>): Promise<z.infer<T>> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.searchParams ?? {})) {
    if (value !== undefined) query.set(key, String(value));
  }
  const url = joinUrl(getEnv().astraApiUrl, request.path) + (query.size > 0 ? `?${query}` : "");
  const headers = new Headers({ accept: "application/json", authorization: authorizationHeader(request.auth) });
  if (request.body !== undefined) headers.set("content-type", "application/json");
  if (request.idempotencyKey) headers.set("idempotency-key", request.idempotencyKey);

  const method = request.method ?? "GET";
  const retries = method === "GET" ? MAX_RETRIES : 0;
  let response: Response;
  for (let attempt = 0; ; attempt++) {
    const startedAt = performance.now();
    try {
      response = await astraTransport(url, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        cache: "no-store",
        signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (cause) {
      if (attempt < retries && !isTimeout(cause)) {
        await sleep(backoffMs(attempt));
        continue;
      }
      const message = isTimeout(cause) ? "Astra did not answer in time" : "Could not reach Astra";
      throw new AstraError({ kind: "unavailable", status: 0, message, cause });
    }
    notifyAstraCall({
      method,
      path: request.path,
      status: response.status,
      durationMs: performance.now() - startedAt,
      requestId: response.headers.get("request-id"),
    });
    const delay = attempt < retries ? retryDelayMs(response, attempt) : null;
    if (delay === null) break;
    await response.body?.cancel();
    await sleep(delay);
  }

  if (!response.ok) {
    const error = await AstraError.fromResponse(response);
    // A 401 to the app's own credentials is a configuration problem, not an expired user session.
    if (request.auth === "client" && error.kind === "unauthorized") {
      throw error.asKind("misconfigured");
    }
    throw error;
  }

  const requestId = response.headers.get("request-id");
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    throw unexpectedResponseError(
      { method: request.method ?? "GET", path: request.path, status: response.status, requestId, error: parsed.error },
      `Unexpected response from ${method} ${request.path}`,
    );
  }
  return parsed.data;
}
