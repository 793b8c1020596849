// The emulator's Hono plumbing: a request id on every response and one error envelope for every failure.
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { Hono } from "hono";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AstraErrorBody, OAuthErrorCode, OAuthErrorResponse } from "../wire-schemas";
import { LimitReachedError } from "../store/limits";
import { isUnemulatedOperation } from "./astra-operations";

const STATUS_NAMES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  410: "Gone",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

interface ApiErrorOptions {
  /** Token-endpoint errors use RFC 6749's `{error, error_description}` instead of `{code, name, description}`. */
  oauthError?: OAuthErrorCode;
  headers?: Record<string, string>;
  /** Validation failures: Astra then sends `description` as a map of field name to messages. */
  fields?: Record<string, string[]>;
}

/** Throw from any handler; the one onError turns it into Astra's wire shape. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly description: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(description);
    this.name = "ApiError";
  }
}

export function astraErrorBody(status: number, description: AstraErrorBody["description"]): AstraErrorBody {
  return { code: status, name: STATUS_NAMES[status] ?? STATUS_CODES[status] ?? "Error", description };
}

function errorResponse(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
  if (error.options.oauthError) {
    c.header("Cache-Control", "no-store");
    const body: OAuthErrorResponse = { error: error.options.oauthError, error_description: error.description };
    return c.json(body, error.status);
  }
  const { fields } = error.options;
  if (fields) return c.json({ ...astraErrorBody(error.status, fields), status_code: error.status }, error.status);
  return c.json(astraErrorBody(error.status, error.description), error.status);
}

/** Matches a request path against the registered routes to tell 405 (known path) from 404. */
function allowedMethods(app: Hono, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    const pattern = route.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+");
    if (new RegExp(`^${pattern}/?$`).test(path)) methods.add(route.method);
  }
  return [...methods];
}

/** A Hono app with request ids, 404/405 and the single error handler. Routes are mounted by app.ts. */
export function createBaseApp(): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    c.header("request-id", randomUUID());
    await next();
  });

  app.notFound((c) => {
    const { method, path } = c.req;
    // Before the 405 check: a documented path such as POST /v1/routines/preview also matches GET /v1/routines/:id.
    if (isUnemulatedOperation(method, path)) {
      return errorResponse(
        c,
        new ApiError(
          501,
          `${method} ${path} is an Astra operation the emulator does not emulate (see its docs/fidelity.md).`,
        ),
      );
    }
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0) {
      return errorResponse(
        c,
        new ApiError(405, `${c.req.method} is not allowed on ${c.req.path}.`, {
          headers: { Allow: allowed.join(", ") },
        }),
      );
    }
    const what = path.startsWith("/v1/")
      ? "is no Astra operation the emulator knows, so it is not emulated"
      : "has no route";
    return errorResponse(c, new ApiError(404, `${method} ${path} ${what}.`));
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof LimitReachedError) {
      const seconds = err.retryAfterMs === null ? null : Math.max(1, Math.ceil(err.retryAfterMs / 1000));
      const headers: Record<string, string> = seconds === null ? {} : { "Retry-After": String(seconds) };
      return errorResponse(c, new ApiError(err.status, err.message, { headers }));
    }
    if (err instanceof HTTPException && err.status < 500) {
      return errorResponse(c, new ApiError(err.status as ContentfulStatusCode, err.message || "Bad request."));
    }
    console.error("Unexpected emulator error", err);
    return errorResponse(c, new ApiError(500, "The sandbox emulator hit an unexpected error. See its log."));
  });

  return app;
}
