// The emulator's control API (not Astra's), server only; in demo mode scoped to the visitor in VISITOR_HEADER.
import "server-only";
import { z } from "zod";
import { joinUrl } from "@/lib/astra/base-url";
import { clientBasicAuthorization } from "@/lib/astra/client-credentials";
import { astraTransport } from "@/lib/astra/hooks";
import { getEnv } from "@/lib/env";

export const emulatorClockSchema = z.object({ now: z.string(), today: z.iso.date() });
export type EmulatorClock = z.infer<typeof emulatorClockSchema>;

const advancedSchema = emulatorClockSchema.extend({ transfers_created: z.number().optional() });

export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly description?: string,
  ) {
    super(message);
    this.name = "ControlApiError";
  }
}

export const VISITOR_HEADER = "Sandbox-User-Id";

async function control<T extends z.ZodType>(
  method: "GET" | "POST",
  path: `/sandbox/${string}`,
  schema: T,
  body?: unknown,
  visitorId?: string,
): Promise<z.infer<T>> {
  const env = getEnv();
  const visitor: Record<string, string> = env.astraEnv === "demo" && visitorId ? { [VISITOR_HEADER]: visitorId } : {};
  let response: Response;
  try {
    response = await astraTransport(joinUrl(env.astraApiUrl, path), {
      method,
      headers: {
        accept: "application/json",
        authorization: clientBasicAuthorization(env),
        ...visitor,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    const where = env.astraEnv === "demo" ? "inside this app" : `at ${env.astraApiUrl}. Is \`npm run dev\` running?`;
    throw new ControlApiError(502, `Could not reach the emulator ${where}`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const detail = z.object({ description: z.string() }).safeParse(json);
    throw new ControlApiError(
      response.status === 429 ? 429 : 502,
      `The emulator answered ${response.status} to ${method} ${path}${detail.success ? `: ${detail.data.description}` : "."}`,
      detail.success ? detail.data.description : undefined,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ControlApiError(502, `Unexpected answer from the emulator to ${method} ${path}.`);
  return parsed.data;
}

const anything = z.unknown();

export const readEmulatorClock = (visitorId?: string) =>
  control("GET", "/sandbox/clock", emulatorClockSchema, undefined, visitorId);

export const advanceEmulatorClock = (days: number, visitorId?: string) =>
  control("POST", "/sandbox/clock/advance", advancedSchema, { days }, visitorId);

export const expireAccessToken = (userId: string) =>
  control("POST", `/sandbox/users/${encodeURIComponent(userId)}/expire-access-token`, anything, undefined, userId);

// A window, not a count: a page's parallel reads and the client's retries of each all fail, so the page shows it.
export const STATUS_FAULT_WINDOW_MS = 5_000;
export const SLOW_FAULT_MS = 3_000;

export const injectFault = (kind: "500" | "503" | "429" | "slow", visitorId?: string) =>
  control(
    "POST",
    "/sandbox/faults",
    anything,
    kind === "slow"
      ? { method: "*", path: "/v1/*", delay_ms: SLOW_FAULT_MS, count: 1 }
      : { method: "*", path: "/v1/*", status: Number(kind), window_ms: STATUS_FAULT_WINDOW_MS },
    visitorId,
  );

export const resetEmulator = (visitorId?: string) => control("POST", "/sandbox/reset", anything, {}, visitorId);

export const demoVisitorSchema = z.object({
  user_id: z.string().min(1),
  sign_in_token: z.string().min(1),
  expires_at: z.string(),
});
export type DemoVisitor = z.infer<typeof demoVisitorSchema>;

export const createDemoVisitor = (clientIp: string) =>
  control("POST", "/sandbox/visitors", demoVisitorSchema, { client_ip: clientIp });

export const runEmulatorMaintenance = () =>
  control("POST", "/sandbox/maintenance", z.object({ due_work_ran: z.boolean(), visitors_deleted: z.number() }), {});
