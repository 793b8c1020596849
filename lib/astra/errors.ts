// One typed error for everything that goes wrong talking to Astra: what support needs and what a person needs.
import { astraErrorBodySchema, oauthErrorResponseSchema } from "./schemas";

export type AstraErrorKind =
  | "unauthorized" // the access token is missing, expired or revoked: re-authorize
  | "forbidden" // Astra understood who is asking and refuses (a feature not enabled for this client, say)
  | "misconfigured" // Astra refused the app's own client credentials
  | "not_found"
  | "invalid_request"
  | "rate_limited"
  | "unavailable" // Astra answered 5xx or could not be reached
  | "bad_response"; // Astra answered something this client does not understand

export type AstraErrorInit = {
  kind: AstraErrorKind;
  status: number;
  message: string;
  requestId?: string | null;
  fieldErrors?: Record<string, string[]> | null;
  cause?: unknown;
};

export class AstraError extends Error {
  readonly kind: AstraErrorKind;
  readonly status: number;
  readonly requestId: string | null;
  readonly fieldErrors: Record<string, string[]> | null;

  constructor({ kind, status, message, requestId = null, fieldErrors = null, cause }: AstraErrorInit) {
    super(message, { cause });
    this.name = "AstraError";
    this.kind = kind;
    this.status = status;
    this.requestId = requestId;
    this.fieldErrors = fieldErrors;
  }

  asKind(kind: AstraErrorKind): AstraError {
    return new AstraError({ ...this, kind, message: this.message, cause: this });
  }

  static async fromResponse(response: Response): Promise<AstraError> {
    const requestId = response.headers.get("request-id");
    const text = await response.text().catch(() => "");
    const { message, fieldErrors } = describeErrorBody(text);
    return new AstraError({
      kind: kindForStatus(response.status),
      status: response.status,
      message: message ?? `Astra answered HTTP ${response.status}`,
      requestId,
      fieldErrors,
    });
  }
}

export function kindForStatus(status: number): AstraErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  // 501 is "not implemented" (the emulator's answer for what it does not emulate): retrying cannot help.
  if (status === 501) return "invalid_request";
  if (status >= 500) return "unavailable";
  return "invalid_request";
}

type ErrorDescription = { message?: string; fieldErrors: Record<string, string[]> | null };

function describeErrorBody(text: string): ErrorDescription {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { fieldErrors: null };
  }
  const generic = astraErrorBodySchema.safeParse(json);
  if (generic.success) {
    const { description } = generic.data;
    if (typeof description === "string") return { message: description, fieldErrors: null };
    const message = Object.entries(description)
      .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
      .join("; ");
    return { message, fieldErrors: description };
  }
  const oauth = oauthErrorResponseSchema.safeParse(json);
  if (oauth.success) return { message: oauth.data.error_description ?? oauth.data.error, fieldErrors: null };
  return { fieldErrors: null };
}

const USER_MESSAGES: Record<AstraErrorKind, { title: string; action: string }> = {
  unauthorized: {
    title: "Your Astra authorization has expired",
    action: "Sign in with Astra again to continue where you left off.",
  },
  forbidden: {
    title: "Astra does not allow this",
    action: "Your Astra program may not include it; Astra support can enable it.",
  },
  misconfigured: {
    title: "Astra refused this app's keys",
    action: "Check ASTRA_CLIENT_ID and ASTRA_CLIENT_SECRET against Astra's dashboard, then restart the app.",
  },
  not_found: { title: "Astra could not find that", action: "It may have been removed. Go back and pick another." },
  invalid_request: { title: "Astra could not accept that request", action: "Check the details and try again." },
  rate_limited: { title: "Too many requests to Astra", action: "Wait a few seconds, then try again." },
  unavailable: { title: "Astra is not reachable right now", action: "Try again in a moment." },
  bad_response: { title: "Astra sent an answer this app did not expect", action: "Try again." },
};

const ASK_SUPPORT = new Set<AstraErrorKind>(["forbidden", "unavailable", "bad_response"]);

export type ErrorAudience = { astraEnv: "emulator" | "demo" | "sandbox" | "production"; nodeEnv: string };

/** What a person is told: Astra's or the emulator's name, and support only when there is a request id to quote. */
export function userMessage(
  error: AstraError,
  { astraEnv, nodeEnv }: ErrorAudience,
): { title: string; action: string } {
  const developing = nodeEnv !== "production";
  if (error.kind === "unavailable" && error.status === 0) {
    if (astraEnv === "emulator") {
      return {
        title: "The emulator is not running",
        action:
          "Start it: npm run dev starts the app and the emulator together; npm run emulator starts the emulator alone, in another terminal. Then try again.",
      };
    }
    if (developing && astraEnv !== "demo") {
      return {
        title: "Astra is not reachable",
        action:
          "Astra did not answer this server: check its network connection and ASTRA_API_URL, then try again (npm run doctor checks both).",
      };
    }
  }
  const words = USER_MESSAGES[error.kind];
  if (!error.requestId || !ASK_SUPPORT.has(error.kind) || astraEnv === "emulator" || astraEnv === "demo") return words;
  return { ...words, action: `${words.action} If it keeps happening, quote the request id to Astra support.` };
}

/** Only Astra's own 4xx (and 501) words reach the browser; the app's plumbing messages and 5xx bodies stay in the log. */
export function browserDetail(error: AstraError): string | null {
  return (error.status >= 400 && error.status < 500) || error.status === 501 ? error.message : null;
}

export function logAstraError(error: AstraError, where: string): void {
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  console.warn(
    JSON.stringify({
      event: "astra_error",
      where,
      kind: error.kind,
      status: error.status,
      requestId: error.requestId,
      message: error.message,
      cause,
    }),
  );
}

export function astraErrorResponse(error: AstraError, where: string, audience: ErrorAudience): Response {
  logAstraError(error, where);
  const status = error.status >= 400 ? error.status : 502;
  const words = userMessage(error, audience);
  return Response.json(
    {
      error: {
        kind: error.kind,
        title: words.title,
        action: words.action,
        message: browserDetail(error),
        requestId: error.requestId,
      },
    },
    { status },
  );
}

/** Astra may have done it anyway (no answer, 5xx, 409 in flight, unreadable success): look up before resending. */
export function mayHaveHappened(error: AstraError): boolean {
  if (error.status === 501) return false;
  return error.status === 0 || error.status === 409 || error.status >= 500 || error.kind === "bad_response";
}
