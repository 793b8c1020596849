// The contract suite's configuration: the only file in tests/contract that reads process.env. Parsed in the
// global setup, which hands the result to the test files (vitest's provide/inject).
import { z } from "zod";
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from "../../config/emulator-defaults";

/** The emulator's seed user, who has two linked accounts (packages/astra-emulator/README.md "Seeded data"). */
const EMULATOR_PHONE = "2025550123";
/** The emulator's test code (packages/astra-emulator/README.md "Magic values"). */
const EMULATOR_CODE = "123456";

const blankIsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const rawSchema = z.object({
  ASTRA_CONTRACT_ENV: blankIsUnset(z.enum(["emulator", "sandbox"], { error: 'must be "emulator" or "sandbox"' })),
  CONTRACT_EMULATOR_PORT: blankIsUnset(z.coerce.number().int().min(1).max(65535)),
  CONTRACT_SANDBOX_PORT: blankIsUnset(z.coerce.number().int().min(1).max(65535)),
  ASTRA_CLIENT_ID: blankIsUnset(z.string().trim().min(1)),
  ASTRA_CLIENT_SECRET: blankIsUnset(z.string().trim().min(1)),
  ASTRA_API_URL: blankIsUnset(z.url({ protocol: /^https?$/ })),
  ASTRA_APP_URL: blankIsUnset(z.url({ protocol: /^https?$/ })),
  ASTRA_CONTRACT_REDIRECT_URI: blankIsUnset(
    z.url({ protocol: /^http$/, hostname: /^(localhost|127\.0\.0\.1)$/, error: "must be http://localhost:PORT/…" }),
  ),
  ASTRA_CONTRACT_PHONE: blankIsUnset(z.string().regex(/^\d{10}$/, { error: "must be 10 digits, no +1" })),
  ASTRA_CONTRACT_REFRESH_TOKEN: blankIsUnset(z.string().trim().min(1)),
  ASTRA_CONTRACT_LOGIN_TIMEOUT_S: blankIsUnset(z.coerce.number().int().min(10).max(1800)),
  ASTRA_CONTRACT_WEBHOOK_PORT: blankIsUnset(z.coerce.number().int().min(1).max(65535)),
  CHROMIUM_PATH: blankIsUnset(z.string().min(1)),
});

export type ContractEnv = {
  target: "emulator" | "sandbox";
  /** Port of the emulator this suite starts (emulator target only). */
  emulatorPort: number;
  apiUrl: string;
  appUrl: string;
  clientId: string;
  clientSecret: string;
  phone: string;
  /** The emulator's fixed test code; on Astra's sandbox a person types the code. */
  code: string | undefined;
  /** The registered redirect URI; undefined on the emulator, where the suite registers its own loopback one. */
  redirectUri: string | undefined;
  refreshToken: string | undefined;
  loginTimeoutMs: number;
  /** Where the webhook receiver listens on the sandbox target (behind a tunnel); undefined: no webhook checks. */
  webhookPort: number | undefined;
  /** A Chromium to use instead of the machine's or Playwright's (as in playwright.config.ts). */
  chromiumPath: string | undefined;
};

export function readContractEnv(source: Record<string, string | undefined> = process.env): ContractEnv {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      [
        "The contract suite's environment is invalid:",
        ...parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`),
      ].join("\n"),
    );
  }
  const raw = parsed.data;
  const target = raw.ASTRA_CONTRACT_ENV ?? "emulator";
  const emulatorPort = raw.CONTRACT_EMULATOR_PORT ?? raw.CONTRACT_SANDBOX_PORT ?? 4304;
  const loginTimeoutMs = (raw.ASTRA_CONTRACT_LOGIN_TIMEOUT_S ?? 300) * 1000;

  if (target === "emulator") {
    const origin = `http://127.0.0.1:${emulatorPort}`;
    return {
      target,
      emulatorPort,
      apiUrl: origin,
      appUrl: origin,
      clientId: EMULATOR_CLIENT_ID,
      clientSecret: EMULATOR_CLIENT_SECRET,
      phone: EMULATOR_PHONE,
      code: EMULATOR_CODE,
      redirectUri: undefined,
      refreshToken: undefined,
      loginTimeoutMs,
      webhookPort: undefined,
      chromiumPath: raw.CHROMIUM_PATH,
    };
  }

  const missing = [
    !raw.ASTRA_CLIENT_ID && "ASTRA_CLIENT_ID (your sandbox app's Client ID, from Astra's dashboard)",
    !raw.ASTRA_CLIENT_SECRET && "ASTRA_CLIENT_SECRET (its Client Secret)",
    !raw.ASTRA_CONTRACT_PHONE && "ASTRA_CONTRACT_PHONE (a sandbox test phone, 10 digits)",
    !raw.ASTRA_CONTRACT_REDIRECT_URI &&
      !raw.ASTRA_CONTRACT_REFRESH_TOKEN &&
      "ASTRA_CONTRACT_REDIRECT_URI (a registered http://localhost:PORT/… redirect URI) or ASTRA_CONTRACT_REFRESH_TOKEN",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      [
        "ASTRA_CONTRACT_ENV=sandbox needs:",
        ...missing.map((m) => `  ${m}`),
        'See docs/testing.md, "Against Astra\'s sandbox".',
      ].join("\n"),
    );
  }
  return {
    target,
    emulatorPort,
    apiUrl: (raw.ASTRA_API_URL ?? "https://api-sandbox.astra.finance").replace(/\/+$/, ""),
    appUrl: (raw.ASTRA_APP_URL ?? "https://app.astra.finance").replace(/\/+$/, ""),
    clientId: raw.ASTRA_CLIENT_ID!,
    clientSecret: raw.ASTRA_CLIENT_SECRET!,
    phone: raw.ASTRA_CONTRACT_PHONE!,
    code: undefined,
    redirectUri: raw.ASTRA_CONTRACT_REDIRECT_URI,
    refreshToken: raw.ASTRA_CONTRACT_REFRESH_TOKEN,
    loginTimeoutMs,
    webhookPort: raw.ASTRA_CONTRACT_WEBHOOK_PORT,
    chromiumPath: raw.CHROMIUM_PATH,
  };
}
