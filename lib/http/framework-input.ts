// Input Next and Auth.js parse before our code and answer with a 500 when malformed; proxy.ts refuses it first.
import { sameOriginPath } from "@/lib/auth/callback-path";

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"] as const;

export type Refusal = {
  status: 400 | 403 | 411 | 413 | 415;
  kind: "invalid_request" | "forbidden" | "length_required" | "too_large" | "unsupported_media_type";
  message: string;
};

type HeaderSource = Pick<Headers, "get">;

const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || undefined;

export function addressedHost(headers: HeaderSource): string | undefined {
  return firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host"));
}

export function addressedOrigin(headers: HeaderSource, requestUrl: URL, authUrl: string | undefined): string {
  if (authUrl) return authUrl;
  const host = addressedHost(headers) ?? requestUrl.host;
  const proto = firstValue(headers.get("x-forwarded-proto")) ?? requestUrl.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

export function isSafeCallbackUrl(value: string, origin: string): boolean {
  return sameOriginPath(value, origin) !== null;
}

export function callbackQueryRefusal(url: URL, origin: string): Refusal | null {
  if (!url.pathname.startsWith("/api/auth/")) return null;
  const bad = url.searchParams.getAll("callbackUrl").some((value) => !isSafeCallbackUrl(value, origin));
  return bad
    ? { status: 400, kind: "invalid_request", message: "callbackUrl must be a path on this site, such as /dashboard." }
    : null;
}

export function badCallbackCookies(cookies: { name: string; value: string }[], origin: string): string[] {
  return cookies
    .filter(({ name }) => (CALLBACK_URL_COOKIES as readonly string[]).includes(name))
    .filter(({ value }) => !isSafeCallbackUrl(value, origin))
    .map(({ name }) => name);
}

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

export function isServerActionRequest(method: string, pathname: string, headers: HeaderSource): boolean {
  if (method !== "POST") return false;
  if (headers.get("next-action") !== null) return true;
  return !pathname.startsWith("/api/") && FORM_TYPES.test(headers.get("content-type") ?? "");
}

/** Next refuses a cross-site action by throwing (a 500); this answers 403 first. */
export function actionOriginRefusal(headers: HeaderSource): Refusal | null {
  const origin = headers.get("origin");
  // Browsers send Origin with every POST; Next lets a request without one through, and so does this.
  if (origin === null) return null;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host && host === addressedHost(headers)) return null;
  return { status: 403, kind: "forbidden", message: "This form may only be posted from this site." };
}

/** A chunked body is refused rather than read: the proxy's copy of it cannot be abandoned halfway. */
export async function actionBodyRefusal(request: Request): Promise<Refusal | null> {
  const length = request.headers.get("content-length");
  if (length === null) {
    if (request.headers.get("transfer-encoding") === null) return null;
    return { status: 411, kind: "length_required", message: "Send the form with a Content-Length." };
  }
  if (!(Number(length) <= ACTION_BODY_LIMIT_BYTES)) {
    return { status: 413, kind: "too_large", message: `The request body is over ${ACTION_BODY_LIMIT_BYTES} bytes.` };
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data\b/i.test(contentType)) {
    try {
      await request.clone().formData();
      return null;
    } catch {
      return { status: 400, kind: "invalid_request", message: "The multipart form body is malformed." };
    }
  }
  if (FORM_TYPES.test(contentType) || request.headers.get("next-action") === null) return null;
  let args: unknown;
  try {
    args = JSON.parse(await request.clone().text());
  } catch {
    args = undefined;
  }
  if (Array.isArray(args)) return null;
  return { status: 400, kind: "invalid_request", message: "The server action's arguments must be a JSON array." };
}

export function sameOriginJsonRefusal(headers: HeaderSource): Refusal | null {
  if (headers.get("origin") === null)
    return { status: 403, kind: "forbidden", message: "Send the request from this site (with Origin)." };
  const foreign = actionOriginRefusal(headers);
  if (foreign)
    return { status: 403, kind: "forbidden", message: "This endpoint accepts requests from this site only." };
  if (!/^application\/json\s*(;|$)/i.test(headers.get("content-type") ?? "")) {
    return {
      status: 415,
      kind: "unsupported_media_type",
      message: "Send the body as JSON (Content-Type: application/json).",
    };
  }
  return null;
}
