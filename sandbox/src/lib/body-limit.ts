// Request body caps, checked before any route, idempotency check or fault reads the body: by Content-Length
// when it is sent, otherwise while the body streams in. Every body the emulator accepts is small.
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "./create-app";

const KB = 1024;

/** The REST API's JSON bodies (a user intent is the largest, well under 2 KB). */
export const API_BODY_LIMIT = 32 * KB;
/** Control API bodies, module page forms and dashboard forms. */
export const FORM_BODY_LIMIT = 16 * KB;

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, `The request body is larger than this endpoint accepts (${limit / KB} KB).`, {
    fields: { body: [`must be at most ${limit / KB} KB`] },
  });
};

export function bodyLimits() {
  const api = bodyLimit({ maxSize: API_BODY_LIMIT, onError: tooLarge(API_BODY_LIMIT) });
  const small = bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: tooLarge(FORM_BODY_LIMIT) });
  return createMiddleware(async (c, next) => {
    if (c.req.raw.body === null) return next();
    return c.req.path.startsWith("/v1/") ? api(c, next) : small(c, next);
  });
}
