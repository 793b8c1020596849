// The app's configuration, parsed from process.env at boot (instrumentation.ts): a wrong value stops the server.
import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import {
  DEV_APP_ORIGIN,
  EMULATOR_CLIENT_ID,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_ORIGIN,
} from "@/config/emulator-defaults";

const GENERATE_SECRET = `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"`;

const DEV_AUTH_SECRET = "development-only-auth-secret-never-use-in-production";

export const EMULATOR_MOUNT_PATH = "/emulator";

const DEFAULT_URLS = {
  emulator: { api: EMULATOR_ORIGIN, app: EMULATOR_ORIGIN },
  sandbox: { api: "https://api-sandbox.astra.finance", app: "https://app.astra.finance" },
  production: { api: "https://api.astra.finance", app: "https://app.astra.finance" },
} as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const originUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:4010" })
  .transform((value) => value.replace(/\/+$/, ""));

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: "must be a postgres:// connection string (your database's pooled URL)",
});

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
  AUTH_SECRET: optional(
    z.string().min(16, { error: `must be at least 16 characters; generate one with ${GENERATE_SECRET}` }),
  ),
  AUTH_URL: optional(originUrl),
  AUTH_TRUST_HOST: optional(z.enum(["true", "false", "1", "0"])),
  VERCEL: optional(z.string()),
  VERCEL_ENV: optional(z.string()),
  VERCEL_URL: optional(z.string()),
  VERCEL_BRANCH_URL: optional(z.string()),
  VERCEL_PROJECT_PRODUCTION_URL: optional(z.string()),
  DATABASE_URL: optional(postgresUrl),
  POSTGRES_URL: optional(postgresUrl),
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
  /** In demo mode without AUTH_URL, the bare path "/emulator": resolve it per request (lib/astra/base-url.ts). */
  astraApiUrl: string;
  astraAppUrl: string;
  astraClientId: string;
  astraClientSecret: string;
  authSecret: string;
  authUrl: string | undefined;
  trustHost: boolean;
  useSecureCookies: boolean;
  clientIpHeader: string | undefined;
  databaseUrl: string | undefined;
  deploymentOrigins: string[];
  cronSecret: string | undefined;
  onVercel: boolean;
};

export function usesEmulator(env: Pick<Env, "astraEnv">): boolean {
  return env.astraEnv === "emulator" || env.astraEnv === "demo";
}

export function deriveEmulatorClientSecret(authSecret: string): string {
  return createHmac("sha256", authSecret).update("astra-emulator-client-secret").digest("base64url");
}

export function demoEmulatorUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}${EMULATOR_MOUNT_PATH}`;
}

function vercelPublicOrigin(raw: z.infer<typeof rawEnvSchema>): string | undefined {
  if (raw.VERCEL_ENV === "production" && raw.VERCEL_PROJECT_PRODUCTION_URL) {
    return `https://${raw.VERCEL_PROJECT_PRODUCTION_URL}`;
  }
  if (raw.VERCEL_ENV === "preview" && raw.VERCEL_BRANCH_URL) return `https://${raw.VERCEL_BRANCH_URL}`;
  return undefined;
}

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

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const onVercel = Boolean(raw.VERCEL || raw.VERCEL_URL);
  // The Deploy button sets no Astra variable: on Vercel, where no local emulator can run, that means the demo.
  const astraEnv = raw.ASTRA_ENV ?? (onVercel ? "demo" : "emulator");
  const isProduction = raw.NODE_ENV === "production";
  const problems: string[] = [];

  const demo = astraEnv === "demo";

  const authSecret = raw.AUTH_SECRET ?? (isProduction ? undefined : DEV_AUTH_SECRET);

  const usesEmulatorKeys = astraEnv === "emulator";
  const astraClientId = demo
    ? EMULATOR_CLIENT_ID
    : (raw.ASTRA_CLIENT_ID ?? (usesEmulatorKeys ? EMULATOR_CLIENT_ID : undefined));
  const astraClientSecret = demo
    ? authSecret && deriveEmulatorClientSecret(authSecret)
    : (raw.ASTRA_CLIENT_SECRET ?? (usesEmulatorKeys ? EMULATOR_CLIENT_SECRET : undefined));
  if (!astraClientId)
    problems.push(`ASTRA_CLIENT_ID: required when ASTRA_ENV=${astraEnv}; copy it from Astra's dashboard`);
  if (!astraClientSecret && !demo) {
    problems.push(`ASTRA_CLIENT_SECRET: required when ASTRA_ENV=${astraEnv}; copy it from Astra's dashboard`);
  }
  if (!usesEmulatorKeys && !demo && astraClientSecret === EMULATOR_CLIENT_SECRET) {
    problems.push("ASTRA_CLIENT_SECRET: this is the emulator's demo secret; use your Astra app's real secret");
  }

  if (!authSecret) problems.push(`AUTH_SECRET: required in production; generate one with ${GENERATE_SECRET}`);
  if (isProduction && authSecret === DEV_AUTH_SECRET) {
    problems.push("AUTH_SECRET: the development default is refused in production; generate a new one");
  }

  const authUrl = raw.AUTH_URL ?? (onVercel ? vercelPublicOrigin(raw) : isProduction ? undefined : DEV_APP_ORIGIN);
  if (authUrl?.includes("://127.0.0.1")) {
    problems.push(
      "AUTH_URL: use http://localhost:PORT, not 127.0.0.1 (Next rewrites it and the OAuth callback breaks)",
    );
  }

  const trustHostFlag = raw.AUTH_TRUST_HOST === "true" || raw.AUTH_TRUST_HOST === "1";
  if (isProduction && !authUrl && !trustHostFlag && !onVercel) {
    problems.push(
      "AUTH_URL: required in production (the app's public origin), or set AUTH_TRUST_HOST=true on a trusted host",
    );
  }

  const databaseUrl = raw.DATABASE_URL ?? raw.POSTGRES_URL;

  if (problems.length > 0 || !astraClientId || !astraClientSecret || !authSecret) throw new EnvError(problems);

  const demoUrl = authUrl ? demoEmulatorUrl(authUrl) : EMULATOR_MOUNT_PATH;

  return {
    nodeEnv: raw.NODE_ENV,
    astraEnv,
    astraApiUrl: astraEnv === "demo" ? demoUrl : (raw.ASTRA_API_URL ?? DEFAULT_URLS[astraEnv].api),
    astraAppUrl: astraEnv === "demo" ? demoUrl : (raw.ASTRA_APP_URL ?? DEFAULT_URLS[astraEnv].app),
    astraClientId,
    astraClientSecret,
    authSecret,
    authUrl,
    trustHost: trustHostFlag || onVercel || authUrl !== undefined || !isProduction,
    useSecureCookies: authUrl ? authUrl.startsWith("https://") : isProduction,
    clientIpHeader: raw.CLIENT_IP_HEADER ?? (onVercel ? "x-vercel-forwarded-for" : undefined),
    deploymentOrigins: onVercel
      ? [raw.VERCEL_PROJECT_PRODUCTION_URL, raw.VERCEL_BRANCH_URL, raw.VERCEL_URL]
          .filter((host): host is string => Boolean(host))
          .map((host) => `https://${host}`)
      : [],
    databaseUrl,
    cronSecret: raw.CRON_SECRET,
    onVercel,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
