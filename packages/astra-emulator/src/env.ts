// The emulator's configuration, parsed once from process.env. A bad value stops start-up with a fix.
import { z } from "zod";
import { EMULATOR_CLIENT_ID } from "./defaults";
import { isLoopbackHost, isPrivateUrl } from "./lib/network";
import { DEFAULT_APP } from "./store/seed";

const FIXES: Record<string, string> = {
  EMULATOR_PORT: "Set it to a free TCP port between 1 and 65535, e.g. EMULATOR_PORT=4010.",
  EMULATOR_HOST:
    "Unset it to listen on 127.0.0.1 only, or set an IP address to listen on, e.g. EMULATOR_HOST=0.0.0.0 for every interface.",
  EMULATOR_ALLOWED_HOSTS:
    "Set it to comma-separated host names the emulator is reached by, e.g. EMULATOR_ALLOWED_HOSTS=sandbox.example.com,10.0.0.5:4010.",
  EMULATOR_DB: 'Set it to a file path such as .sandbox/astra.db, or ":memory:" for a throwaway store.',
  EMULATOR_CLIENT_ID: `Set it to a non-empty client id, or unset it to use ${EMULATOR_CLIENT_ID}.`,
  EMULATOR_CLIENT_SECRET: "Set it to a non-empty secret, or unset it to use the emulator's default.",
  EMULATOR_APP_NAME: "Set it to the name the consent screen shows, e.g. EMULATOR_APP_NAME=Acme Pay, or unset it.",
  EMULATOR_REDIRECT_URIS:
    "Set it to comma-separated absolute URLs, e.g. http://localhost:3000/api/auth/callback/astra.",
  EMULATOR_WEBHOOK_URL:
    "Set it to an http(s) URL such as http://localhost:3000/api/webhooks/astra, or to an empty string to turn webhooks off." +
    " A private or loopback address needs the emulator itself on loopback (EMULATOR_HOST unset).",
};

const hostName = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

const allowedHosts = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(hostName, "each entry must be a host name or host:port, without a scheme or path")));

const redirectUris = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((uri) => uri.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, error: "each entry must be an http(s) URL" })).min(1));

const envSchema = z
  .object({
    EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
    // Loopback unless asked: the emulator's default keys are public, so it must not be reachable from the network.
    EMULATOR_HOST: z
      .union([z.ipv4(), z.ipv6(), z.literal("localhost")], { error: "must be an IP address or localhost" })
      .default("127.0.0.1"),
    EMULATOR_ALLOWED_HOSTS: allowedHosts.default([]),
    EMULATOR_DB: z.string().trim().min(1).default(".sandbox/astra.db"),
    EMULATOR_CLIENT_ID: z.string().trim().min(1).default(DEFAULT_APP.clientId),
    EMULATOR_CLIENT_SECRET: z.string().min(1).default(DEFAULT_APP.clientSecret),
    // Unset keeps the stored app's name; set, it also renames an app seeded on an earlier run.
    EMULATOR_APP_NAME: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(80, "must be at most 80 characters")
      .optional(),
    EMULATOR_REDIRECT_URIS: redirectUris.default(DEFAULT_APP.redirectUris),
    // Unset keeps the stored app's webhook URL (the dashboard can change it); "" turns delivery off.
    EMULATOR_WEBHOOK_URL: z
      .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })])
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.EMULATOR_WEBHOOK_URL && !isLoopbackHost(env.EMULATOR_HOST) && isPrivateUrl(env.EMULATOR_WEBHOOK_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["EMULATOR_WEBHOOK_URL"],
        message: `points at a private or loopback address, which is allowed only while EMULATOR_HOST is a loopback address (it is ${env.EMULATOR_HOST})`,
      });
    }
  });

export type EmulatorEnv = z.infer<typeof envSchema>;

/** The SANDBOX_* name each variable had before; read only when the EMULATOR_* one is unset. */
function withOldNames(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const merged = { ...source };
  for (const name of Object.keys(FIXES)) merged[name] ??= source[name.replace(/^EMULATOR_/, "SANDBOX_")];
  return merged;
}

export function parseEnv(raw: Record<string, string | undefined> = process.env): EmulatorEnv {
  const source = withOldNames(raw);
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  console.error("The Astra emulator cannot start because of its environment:");
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "environment");
    console.error(`  ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`);
    console.error(`    Fix: ${FIXES[name] ?? "Correct or unset this variable."}`);
  }
  process.exit(1);
}
