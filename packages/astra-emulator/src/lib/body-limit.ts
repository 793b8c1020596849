// Request body caps, checked before any route, idempotency check or fault reads the body: by Content-Length
// when it is sent, otherwise while the body streams in. Every body the emulator accepts is small.
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "./create-app";

const KB = 1024;

/** The REST API's JSON bodies (a user intent with 25 metadata pairs is the largest, under 9 KB). */
export const API_BODY_LIMIT = 32 * KB;
/** Control API bodies, module page forms and dashboard forms. */
export const FORM_BODY_LIMIT = 16 * KB;
/** The photo-ID upload (/verify/document): the page's 10 MB file limit plus the multipart framing around it. */
export const DOCUMENT_BODY_LIMIT = 10 * 1024 * KB + 64 * KB;

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, `The request body is larger than this endpoint accepts (${Math.floor(limit / KB)} KB).`, {
    fields: { body: [`must be at most ${Math.floor(limit / KB)} KB`] },
  });
};

export function bodyLimits() {
  const api = bodyLimit({ maxSize: API_BODY_LIMIT, onError: tooLarge(API_BODY_LIMIT) });
  const small = bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: tooLarge(FORM_BODY_LIMIT) });
  const document = bodyLimit({ maxSize: DOCUMENT_BODY_LIMIT, onError: tooLarge(DOCUMENT_BODY_LIMIT) });
  return createMiddleware(async (c, next) => {
    // GET and HEAD carry no body. Asking c.req.raw for one would make @hono/node-server build a full Request
    // (streams, an AbortSignal) for every read, which halved the GET throughput of `npm run bench:emulator`.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (c.req.raw.body === null) return next();
    if (c.req.path.startsWith("/v1/")) return api(c, next);
    return c.req.path === "/verify/document" ? document(c, next) : small(c, next);
  });
}
