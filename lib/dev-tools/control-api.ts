// The emulator's control API (/sandbox/…, not part of Astra), called with the app's own Basic credentials
// from the server only. The emulator scopes the clock, faults and reset to the calling app.
import "server-only";
import { z } from "zod";
import { joinUrl } from "@/lib/astra/base-url";
import { clientBasicAuthorization } from "@/lib/astra/client-credentials";
import { astraTransport } from "@/lib/astra/transport";
import { getEnv } from "@/lib/env";

export const emulatorClockSchema = z.object({ now: z.string(), today: z.iso.date() });
export type EmulatorClock = z.infer<typeof emulatorClockSchema>;

const advancedSchema = emulatorClockSchema.extend({ transfers_created: z.number().optional() });

export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ControlApiError";
  }
}

async function control<T extends z.ZodType>(
  method: "GET" | "POST",
  path: `/sandbox/${string}`,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  const env = getEnv();
  let response: Response;
  try {
    response = await astraTransport(joinUrl(env.astraApiUrl, path), {
      method,
      headers: {
        accept: "application/json",
        authorization: clientBasicAuthorization(env),
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
      502,
      `The emulator answered ${response.status} to ${method} ${path}${detail.success ? `: ${detail.data.description}` : "."}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ControlApiError(502, `Unexpected answer from the emulator to ${method} ${path}.`);
  return parsed.data;
}

const anything = z.unknown();

export const readEmulatorClock = () => control("GET", "/sandbox/clock", emulatorClockSchema);

export const advanceEmulatorClock = (days: number) =>
  control("POST", "/sandbox/clock/advance", advancedSchema, { days });

export const expireAccessToken = (userId: string) =>
  control("POST", `/sandbox/users/${encodeURIComponent(userId)}/expire-access-token`, anything);

// The client retries a failed read twice (lib/astra/client.ts), so a status fault covers all three attempts:
// otherwise "the next call fails" would be hidden by the retry.
export const STATUS_FAULT_ATTEMPTS = 3;
export const SLOW_FAULT_MS = 3_000;

export const injectFault = (kind: "500" | "503" | "429" | "slow") =>
  control(
    "POST",
    "/sandbox/faults",
    anything,
    kind === "slow"
      ? { method: "*", path: "/v1/*", delay_ms: SLOW_FAULT_MS, count: 1 }
      : { method: "*", path: "/v1/*", status: Number(kind), count: STATUS_FAULT_ATTEMPTS },
  );

export const resetEmulator = () => control("POST", "/sandbox/reset", anything, {});
