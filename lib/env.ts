// Validated configuration: the only module that reads process.env. Parsed once, on first use and at boot
// (instrumentation.ts), so a wrong value stops the server with a message instead of failing a request later.
import "server-only";
import { z } from "zod";
import {
  DEV_APP_ORIGIN,
  EMULATOR_CLIENT_ID,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_ORIGIN,
} from "@/config/emulator-defaults";

const DEV_AUTH_SECRET = "development-only-auth-secret-never-use-in-production";

const DEFAULT_URLS = {
  emulator: { api: EMULATOR_ORIGIN, app: EMULATOR_ORIGIN },
  // Minimal stand-in until mount-app's demo mode (the emulator inside this app) merges; its entry replaces this.
  demo: { api: EMULATOR_ORIGIN, app: EMULATOR_ORIGIN },
  sandbox: { api: "https://api-sandbox.astra.finance", app: "https://app.astra.finance" },
  production: { api: "https://api.astra.finance", app: "https://app.astra.finance" },
} as const;

// An empty value in .env means "not set": treat it like a missing variable so defaults apply.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const originUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:4010" })
  .transform((value) => value.replace(/\/+$/, ""));

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  ASTRA_ENV: optional(
    z.enum(["emulator", "demo", "sandbox", "production"], {
      error: 'must be "emulator", "demo", "sandbox" or "production"',
    }),
  ),
  ASTRA_API_URL: optional(originUrl),
  ASTRA_APP_URL: optional(originUrl),
  ASTRA_CLIENT_ID: optional(z.string().trim().min(1)),
  ASTRA_CLIENT_SECRET: optional(z.string().trim().min(1)),
  AUTH_SECRET: optional(z.string().min(16, { error: "must be at least 16 characters; run `npx auth secret`" })),
  AUTH_URL: optional(originUrl),
  AUTH_TRUST_HOST: optional(z.enum(["true", "false", "1", "0"])),
  VERCEL: optional(z.string()),
  VERCEL_URL: optional(z.string()),
  // Vercel sends it as "Authorization: Bearer <CRON_SECRET>" to cron routes (app/api/cron/emulator).
  CRON_SECRET: optional(z.string().min(16, { error: "must be at least 16 characters; e.g. `openssl rand -hex 32`" })),
  CLIENT_IP_HEADER: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]+$/, { error: "must be one header name, such as x-real-ip" }),
  ),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  astraEnv: "emulator" | "demo" | "sandbox" | "production";
  astraApiUrl: string;
  astraAppUrl: string;
  astraClientId: string;
  astraClientSecret: string;
  authSecret: string;
  /** Public origin of this app; undefined means "take it from the request" (trusted host). */
  authUrl: string | undefined;
  trustHost: boolean;
  useSecureCookies: boolean;
  /** The header a trusted proxy in front of the app sets to the visitor's IP; undefined means no proxy. */
  clientIpHeader: string | undefined;
  /** The bearer secret cron routes require; undefined means none was set (refused on Vercel). */
  cronSecret: string | undefined;
  /** Running on Vercel (its VERCEL or VERCEL_URL system variable is set). */
  onVercel: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "Invalid environment configuration:",
        ...problems.map((problem) => `  - ${problem}`),
        "Fix the variables above in .env.local (see .env.example) or your host's settings, then restart.",
      ].join("\n"),
    );
    this.name = "EnvError";
  }
}

/** Turns raw variables into configuration, or throws an EnvError listing every problem at once. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const astraEnv = raw.ASTRA_ENV ?? "emulator";
  const isProduction = raw.NODE_ENV === "production";
  const problems: string[] = [];

  const usesEmulatorKeys = astraEnv === "emulator" || astraEnv === "demo";
  const astraClientId = raw.ASTRA_CLIENT_ID ?? (usesEmulatorKeys ? EMULATOR_CLIENT_ID : undefined);
  const astraClientSecret = raw.ASTRA_CLIENT_SECRET ?? (usesEmulatorKeys ? EMULATOR_CLIENT_SECRET : undefined);
  if (!astraClientId)
    problems.push(`ASTRA_CLIENT_ID: required when ASTRA_ENV=${astraEnv}; copy it from Astra's dashboard`);
  if (!astraClientSecret) {
    problems.push(`ASTRA_CLIENT_SECRET: required when ASTRA_ENV=${astraEnv}; copy it from Astra's dashboard`);
  }
  if (!usesEmulatorKeys && astraClientSecret === EMULATOR_CLIENT_SECRET) {
    problems.push("ASTRA_CLIENT_SECRET: this is the emulator's demo secret; use your Astra app's real secret");
  }

  const authSecret = raw.AUTH_SECRET ?? (isProduction ? undefined : DEV_AUTH_SECRET);
  if (!authSecret) problems.push("AUTH_SECRET: required in production; generate one with `npx auth secret`");
  if (isProduction && authSecret === DEV_AUTH_SECRET) {
    problems.push("AUTH_SECRET: the development default is refused in production; generate a new one");
  }

  const authUrl =
    raw.AUTH_URL ?? (raw.VERCEL_URL ? `https://${raw.VERCEL_URL}` : isProduction ? undefined : DEV_APP_ORIGIN);
  if (authUrl?.includes("://127.0.0.1")) {
    problems.push(
      "AUTH_URL: use http://localhost:PORT, not 127.0.0.1 (Next rewrites it and the OAuth callback breaks)",
    );
  }

  const trustHostFlag = raw.AUTH_TRUST_HOST === "true" || raw.AUTH_TRUST_HOST === "1";
  if (isProduction && !authUrl && !trustHostFlag) {
    problems.push(
      "AUTH_URL: required in production (the app's public origin), or set AUTH_TRUST_HOST=true on a trusted host",
    );
  }

  if (problems.length > 0 || !astraClientId || !astraClientSecret || !authSecret) throw new EnvError(problems);

  return {
    nodeEnv: raw.NODE_ENV,
    astraEnv,
    astraApiUrl: raw.ASTRA_API_URL ?? DEFAULT_URLS[astraEnv].api,
    astraAppUrl: raw.ASTRA_APP_URL ?? DEFAULT_URLS[astraEnv].app,
    astraClientId,
    astraClientSecret,
    authSecret,
    authUrl,
    trustHost: trustHostFlag || authUrl !== undefined || !isProduction,
    useSecureCookies: authUrl ? authUrl.startsWith("https://") : isProduction,
    // On Vercel its edge sets this one (and a visitor cannot); elsewhere only an explicit setting is trusted.
    clientIpHeader: raw.CLIENT_IP_HEADER ?? (raw.VERCEL_URL ? "x-vercel-forwarded-for" : undefined),
    cronSecret: raw.CRON_SECRET,
    onVercel: Boolean(raw.VERCEL || raw.VERCEL_URL),
  };
}

let cached: Env | undefined;

/** The app's configuration. Throws EnvError (with every problem listed) when the environment is wrong. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
