// The one door to Astra's REST API: base URL, bearer token, no caching of per-user data, request-id capture,
// and zod parsing of every response into the wire types.
import "server-only";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { clientBasicAuthorization } from "./client-credentials";
import { AstraError } from "./errors";
import { logUnexpectedResponse } from "./response-log";

export type AstraRequest<T extends z.ZodType> = {
  path: `/v1/${string}`;
  /** A user's access token (Bearer), or "client" for the app's own Basic credentials (user intents). */
  auth: { accessToken: string } | "client";
  schema: T;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  idempotencyKey?: string;
  searchParams?: Record<string, string | number | undefined>;
};

function authorizationHeader(auth: AstraRequest<z.ZodType>["auth"]): string {
  return auth === "client" ? clientBasicAuthorization(getEnv()) : `Bearer ${auth.accessToken}`;
}

export async function astraFetch<T extends z.ZodType>(request: AstraRequest<T>): Promise<z.infer<T>> {
  const url = new URL(request.path, getEnv().astraApiUrl);
  for (const [key, value] of Object.entries(request.searchParams ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers = new Headers({ accept: "application/json", authorization: authorizationHeader(request.auth) });
  if (request.body !== undefined) headers.set("content-type", "application/json");
  if (request.idempotencyKey) headers.set("idempotency-key", request.idempotencyKey);

  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? "GET",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      cache: "no-store",
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    throw new AstraError({ kind: "unavailable", status: 0, message: `Could not reach Astra at ${url.origin}`, cause });
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
    logUnexpectedResponse({ method: request.method ?? "GET", path: request.path, status: response.status, requestId, error: parsed.error });
    throw new AstraError({
      kind: "bad_response",
      status: response.status,
      message: `Unexpected response from ${request.method ?? "GET"} ${request.path}`,
      requestId,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
