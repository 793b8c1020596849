// The emulator's configuration, parsed once from process.env. A bad value stops start-up with a fix.
import { z } from "zod";
import { DEFAULT_APP } from "./store/seed";

const FIXES: Record<string, string> = {
  SANDBOX_PORT: "Set it to a free TCP port between 1 and 65535, e.g. SANDBOX_PORT=4010.",
  SANDBOX_DB: 'Set it to a file path such as .sandbox/astra.db, or ":memory:" for a throwaway store.',
  SANDBOX_CLIENT_ID: "Set it to a non-empty client id, or unset it to use astra_emulator_client.",
  SANDBOX_CLIENT_SECRET: "Set it to a non-empty secret, or unset it to use the emulator's default.",
  SANDBOX_REDIRECT_URIS:
    "Set it to comma-separated absolute URLs, e.g. http://localhost:3000/api/auth/callback/astra.",
  SANDBOX_WEBHOOK_URL:
    "Set it to an http(s) URL such as http://localhost:3000/api/webhooks/astra, or to an empty string to turn webhooks off.",
};

const redirectUris = z
  .string()
  .transform((value) => value.split(",").map((uri) => uri.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/, error: "each entry must be an http(s) URL" })).min(1));

const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  SANDBOX_DB: z.string().trim().min(1).default(".sandbox/astra.db"),
  SANDBOX_CLIENT_ID: z.string().trim().min(1).default(DEFAULT_APP.clientId),
  SANDBOX_CLIENT_SECRET: z.string().min(1).default(DEFAULT_APP.clientSecret),
  SANDBOX_REDIRECT_URIS: redirectUris.default(DEFAULT_APP.redirectUris),
  // Unset keeps the stored app's webhook URL (the dashboard can change it); "" turns delivery off.
  SANDBOX_WEBHOOK_URL: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })])
    .optional(),
});

export type SandboxEnv = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): SandboxEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  console.error("The Astra sandbox emulator cannot start because of its environment:");
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "environment");
    console.error(`  ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`);
    console.error(`    Fix: ${FIXES[name] ?? "Correct or unset this variable."}`);
  }
  process.exit(1);
}
