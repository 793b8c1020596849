// Logs an Astra answer that did not match its schema: the call, the request id and where it differed, never values.
import "server-only";
import type { z } from "zod";
import { AstraError } from "./errors";

export type UnexpectedResponse = {
  method: string;
  path: string;
  status: number;
  requestId: string | null;
  error: z.ZodError;
};

const MAX_ISSUES = 20;

export type LoggedIssue = { path: string; code: string; message: string };

export function describeIssues(error: z.ZodError): LoggedIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    code: issue.code,
    message: issue.message,
  }));
}

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
