// Demo mode's own settings (ASTRA_ENV=demo), checked beside the app's (lib/env.ts) and at boot (lib/plugins.ts).
import "server-only";
import { z } from "zod";
import { EnvError, getEnv, type Env } from "@/lib/env";

const DEFAULT_SQLITE_FILE = ".data/emulator.db";

const demoSchema = z.object({
  DEMO_SQLITE_FILE: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).optional()),
  DEMO_PUBLIC: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
  ),
});

export type DemoEnv = {
  publicDemo: boolean;
  store: { kind: "postgres"; url: string } | { kind: "sqlite"; file: string };
};

type AppEnv = Pick<Env, "nodeEnv" | "onVercel" | "databaseUrl" | "clientIpHeader">;

export function parseDemoEnv(source: Record<string, string | undefined>, env: AppEnv): DemoEnv {
  const parsed = demoSchema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  const production = env.nodeEnv === "production";
  if (env.onVercel && !env.databaseUrl) {
    problems.push(
      "DATABASE_URL: required for ASTRA_ENV=demo on Vercel, whose disk is read-only; add a Postgres database (Neon)",
    );
  }
  // Without a trusted header every visitor is 127.0.0.1, one bucket for the demo's per-address limits: ten
  // presses of "Try the demo" would lock it for everyone.
  if (production && !env.onVercel && !env.clientIpHeader) {
    problems.push(
      "CLIENT_IP_HEADER: required for the demo in production off Vercel; name the header your proxy sets to the visitor's IP (e.g. x-real-ip)",
    );
  }
  if (!parsed.success || problems.length > 0) throw new EnvError(problems);
  return {
    publicDemo: production && parsed.data.DEMO_PUBLIC !== "false",
    store: env.databaseUrl
      ? { kind: "postgres", url: env.databaseUrl }
      : { kind: "sqlite", file: parsed.data.DEMO_SQLITE_FILE ?? DEFAULT_SQLITE_FILE },
  };
}

let cached: DemoEnv | undefined;

export function getDemoEnv(): DemoEnv {
  cached ??= parseDemoEnv(process.env, getEnv());
  return cached;
}
