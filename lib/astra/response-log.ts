// The server's record of an Astra answer that did not match its schema: which call, which request id, and
// where the answer differed. Never what it contained: no body values, no headers, no tokens.
import "server-only";
import type { z } from "zod";
import { AstraError } from "./errors";

export type UnexpectedResponse = {
  method: string;
  /** The API path without its query string. */
  path: string;
  status: number;
  requestId: string | null;
  error: z.ZodError;
};

/** Enough issues to see the pattern; a list of 100 bad items should not flood the log. */
const MAX_ISSUES = 20;

export type LoggedIssue = { path: string; code: string; message: string };

/** Where and how the answer differed, e.g. `{ path: "transfers.0.amount", code: "invalid_type", … }`. */
export function describeIssues(error: z.ZodError): LoggedIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    code: issue.code,
    message: issue.message,
  }));
}

/** One JSON line on stderr, so a log search for the request id Astra support quotes finds it. */
export function logUnexpectedResponse({ method, path, status, requestId, error }: UnexpectedResponse): void {
  console.error(
    JSON.stringify({
      event: "astra_unexpected_response",
      method,
      path,
      status,
      request_id: requestId,
      issue_count: error.issues.length,
      issues: describeIssues(error),
    }),
  );
}

/** Logs an answer that did not match its schema and returns the error the caller throws ("bad_response"). */
export function unexpectedResponseError(seen: UnexpectedResponse, message: string): AstraError {
  logUnexpectedResponse(seen);
  return new AstraError({
    kind: "bad_response",
    status: seen.status,
    message,
    requestId: seen.requestId,
    cause: seen.error,
  });
}
