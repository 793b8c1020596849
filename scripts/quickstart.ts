// `npm run quickstart`: Astra's "create a user with an access token" recipe, end to end against the emulator.
// It creates a user intent, walks the hosted OAuth module over HTTP as a browser would (phone, code, consent),
// exchanges the code for tokens and reads the user and their accounts, printing each step.
import { pathToFileURL } from "node:url";
import { accountListSchema, oauthTokenResponseSchema, userSchema, type Account, type User } from "../lib/astra/schemas";

const config = {
  apiUrl: process.env.ASTRA_API_URL || "http://localhost:4010",
  appUrl: process.env.ASTRA_APP_URL || process.env.ASTRA_API_URL || "http://localhost:4010",
  clientId: process.env.ASTRA_CLIENT_ID || "astra_emulator_client",
  clientSecret: process.env.ASTRA_CLIENT_SECRET || "astra_emulator_secret_do_not_use_in_production",
  redirectUri: process.env.ASTRA_REDIRECT_URI || "http://localhost:3000/api/auth/callback/astra",
};

/** Unused-by-default sandbox test numbers; the seeded demo user owns 2025550123. */
const CANDIDATE_PHONES = Array.from({ length: 40 }, (_, i) => `20255501${60 + i}`);
const SANDBOX_CODE = "123456";

export interface QuickstartOptions {
  apiUrl: string;
  appUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface QuickstartResult {
  userIntentId: string;
  phone: string;
  email: string;
  accessToken: string;
  user: User;
  accounts: Account[];
}

/** A failed step, with what to do about it. */
export class QuickstartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "QuickstartError";
  }
}

async function expectStatus(response: Response, expected: number[], step: string): Promise<Response> {
  if (expected.includes(response.status)) return response;
  const body = (await response.text()).slice(0, 500);
  throw new QuickstartError(`${step} answered HTTP ${response.status}: ${body}`);
}

function sessionIdFrom(html: string): string {
  const match = /name="session_id" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new QuickstartError("The OAuth module page has no session_id field; is ASTRA_APP_URL the emulator?");
  return match[1];
}

export async function runQuickstart(options: QuickstartOptions): Promise<QuickstartResult> {
  const send = options.fetch ?? fetch;
  const log = options.log ?? console.log;
  const basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
  const api = (path: string) => new URL(path, options.apiUrl).toString();
  const hosted = (path: string) => new URL(path, options.appUrl).toString();

  try {
    await send(api("/sandbox/health"));
  } catch (error) {
    throw new QuickstartError(
      `Nothing answers at ${options.apiUrl}. Start the emulator with npm run sandbox (or set ASTRA_API_URL).`,
      { cause: error },
    );
  }
  log(`✔ Astra API at ${options.apiUrl}`);

  let phone: string | undefined;
  for (const candidate of CANDIDATE_PHONES) {
    const lookup = await send(api(`/sandbox/users?phone=${candidate}`), { headers: { Authorization: basic } });
    if (lookup.status === 401) throw new QuickstartError("The emulator rejected ASTRA_CLIENT_ID / ASTRA_CLIENT_SECRET.");
    if (lookup.status === 404) {
      phone = candidate;
      break;
    }
  }
  if (!phone) throw new QuickstartError("Test phones 2025550160-199 all have users; reset with POST /sandbox/reset.");
  const email = `quickstart+${Date.now()}@example.com`;

  const intentResponse = await send(api("/v1/user_intent"), {
    method: "POST",
    headers: { Authorization: basic, "Content-Type": "application/json" },
    body: JSON.stringify({
      email,
      phone: `+1${phone}`,
      first_name: "Quinn",
      last_name: "Starter",
      address1: "123 Main St",
      address2: "",
      city: "Oakland",
      state: "CA",
      postal_code: "94607",
      date_of_birth: "1990-04-01",
      ssn: "9999",
      ip_address: "203.0.113.7",
    }),
  });
  await expectStatus(intentResponse, [200, 201], "POST /v1/user_intent");
  const { id: userIntentId } = (await intentResponse.json()) as { id: string };
  log(`✔ Created user intent ${userIntentId} (${email}, phone ${phone})`);

  const authorize = new URL(hosted("/login/oauth/authorize"));
  const state = `quickstart-${Date.now()}`;
  for (const [name, value] of Object.entries({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: "code",
    state,
    user_intent_id: userIntentId,
    phone,
    phone_read_only: "true",
  })) {
    authorize.searchParams.set(name, value);
  }
  const start = await expectStatus(await send(authorize.toString()), [200], "Opening the OAuth module");
  const sessionId = sessionIdFrom(await start.text());
  log("✔ Opened the OAuth module");

  const step = async (path: string, fields: Record<string, string>, expected = [200]) => {
    const response = await send(hosted(`/login/oauth/authorize/${path}`), {
      method: "POST",
      body: new URLSearchParams({ session_id: sessionId, ...fields }),
      redirect: "manual",
    });
    return expectStatus(response, expected, `The module's ${path} step`);
  };
  await step("phone", { phone });
  const afterCode = await (await step("code", { code: SANDBOX_CODE })).text();
  if (afterCode.includes('action="/login/oauth/authorize/profile"')) {
    await step("profile", { first_name: "Quinn", last_name: "Starter", email });
  }
  const consent = await step("consent", { decision: "authorize" }, [302, 303]);
  const location = new URL(consent.headers.get("location") ?? "", options.redirectUri);
  const code = location.searchParams.get("code");
  if (!code) throw new QuickstartError(`The module redirected without a code: ${location}`);
  if (location.searchParams.get("state") !== state) throw new QuickstartError("The module did not echo state.");
  log(`✔ Signed in with ${phone} and code ${SANDBOX_CODE}, authorized; redirected with a code`);

  const tokenResponse = await send(api("/v1/oauth/token"), {
    method: "POST",
    headers: { Authorization: basic },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: options.redirectUri }),
  });
  await expectStatus(tokenResponse, [200], "POST /v1/oauth/token");
  const tokens = oauthTokenResponseSchema.parse(await tokenResponse.json());
  log(`✔ Exchanged the code for an access token (expires in ${tokens.expires_in} s) and a refresh token`);

  const bearer = { headers: { Authorization: `Bearer ${tokens.access_token}` } };
  const userResponse = await expectStatus(await send(api("/v1/user"), bearer), [200], "GET /v1/user");
  const user = userSchema.parse(await userResponse.json());
  log(`✔ GET /v1/user: ${user.first_name} ${user.last_name}, ${user.status}, id ${user.id}`);

  const accountsResponse = await expectStatus(await send(api("/v1/accounts"), bearer), [200], "GET /v1/accounts");
  const { accounts } = accountListSchema.parse(await accountsResponse.json());
  log(`✔ GET /v1/accounts: ${accounts.length} account${accounts.length === 1 ? "" : "s"}`);
  for (const account of accounts) {
    log(`    ${account.name} ••${account.mask}: $${account.available_balance ?? "?"} available`);
  }

  return { userIntentId, phone, email, accessToken: tokens.access_token, user, accounts };
}

async function main() {
  try {
    const result = await runQuickstart(config);
    console.log(`\nDone. User ${result.user.id} (phone ${result.phone}) has an access token:`);
    console.log(`  curl -H "Authorization: Bearer ${result.accessToken}" ${config.apiUrl}/v1/accounts`);
  } catch (error) {
    console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
