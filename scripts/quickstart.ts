// `npm run quickstart`: Astra's "create a user with an access token" recipe, end to end against the emulator.
// It creates a user intent, walks the hosted OAuth module over HTTP as a browser would (phone, code, consent),
// exchanges the code for tokens and reads the user and their accounts, printing each step. A failed step says
// what the emulator answered and which variable to set, and deletes the user intent it made.
import { pathToFileURL } from "node:url";
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET, EMULATOR_ORIGIN } from "../config/emulator-defaults";
import { accountListSchema, oauthTokenResponseSchema, userSchema, type Account, type User } from "../lib/astra/schemas";

const config = {
  apiUrl: process.env.ASTRA_API_URL || EMULATOR_ORIGIN,
  appUrl: process.env.ASTRA_APP_URL || process.env.ASTRA_API_URL || EMULATOR_ORIGIN,
  clientId: process.env.ASTRA_CLIENT_ID || EMULATOR_CLIENT_ID,
  clientSecret: process.env.ASTRA_CLIENT_SECRET || EMULATOR_CLIENT_SECRET,
  // Unset: the app's registered sign-in callback, asked of the emulator (GET /sandbox/app).
  redirectUri: process.env.ASTRA_REDIRECT_URI || undefined,
};

/** Unused-by-default sandbox test numbers; the seed user owns 2025550123. */
const CANDIDATE_PHONES = Array.from({ length: 40 }, (_, i) => `20255501${60 + i}`);
const SANDBOX_CODE = "123456";
const CALLBACK_PATH = "/api/auth/callback/astra";

export interface QuickstartOptions {
  apiUrl: string;
  appUrl: string;
  clientId: string;
  clientSecret: string;
  /** Defaults to the app's registered redirect URI ending in /api/auth/callback/astra, or its first. */
  redirectUri?: string;
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

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();

/** What the emulator said, in a line or two: an Astra or OAuth error body, or an error page's title and text. */
export function describeAnswer(body: string): string {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const said = [json.name ?? json.error, json.description ?? json.error_description].filter(
      (part) => typeof part === "string",
    );
    if (said.length > 0) return said.join(": ");
  } catch {
    // Not JSON: an HTML page or plain text.
  }
  const title = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1];
  const paragraphs = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)]
    .map((match) => textOf(match[1] ?? ""))
    .filter(Boolean);
  const text = title ? [textOf(title), ...paragraphs].join(" — ") : textOf(body);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

async function expectStatus(response: Response, expected: number[], step: string, fix: string): Promise<Response> {
  if (expected.includes(response.status)) return response;
  const said = describeAnswer(await response.text());
  throw new QuickstartError(`${step} answered HTTP ${response.status}: ${said}\n  Fix: ${fix}`);
}

/** The code the module's page shows in place of a text message, or the test numbers' fixed code. */
const codeOnPage = (html: string): string => /Your code is <strong>(\d{6})<\/strong>/.exec(html)?.[1] ?? SANDBOX_CODE;

function sessionIdFrom(html: string): string {
  const match = /name="session_id" value="([^"]+)"/.exec(html);
  if (!match?.[1])
    throw new QuickstartError("The OAuth module page has no session_id field; is ASTRA_APP_URL the emulator?");
  return match[1];
}

export async function runQuickstart(options: QuickstartOptions): Promise<QuickstartResult> {
  const send = options.fetch ?? fetch;
  const log = options.log ?? console.log;
  const basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
  const api = (path: string) => new URL(path, options.apiUrl).toString();
  const hosted = (path: string) => new URL(path, options.appUrl).toString();
  const credentialsFix =
    "set ASTRA_CLIENT_ID and ASTRA_CLIENT_SECRET to the Client ID and Client Secret of an app in the emulator's dashboard.";

  try {
    await send(api("/sandbox/health"));
  } catch (error) {
    throw new QuickstartError(
      `Nothing answers at ${options.apiUrl}. Start the emulator with npm run emulator, or set ASTRA_API_URL to where it runs.`,
      { cause: error },
    );
  }
  log(`✔ Astra API at ${options.apiUrl}`);

  const appResponse = await send(api("/sandbox/app"), { headers: { Authorization: basic } });
  if (appResponse.status === 401)
    throw new QuickstartError(`The emulator rejected the app's keys.\n  Fix: ${credentialsFix}`);
  await expectStatus(
    appResponse,
    [200],
    "GET /sandbox/app",
    "set ASTRA_API_URL to the emulator (this script needs its control API).",
  );
  const registered = ((await appResponse.json()) as { redirect_uris: string[] }).redirect_uris;
  const redirectUri =
    options.redirectUri ?? registered.find((uri) => uri.endsWith(CALLBACK_PATH)) ?? registered[0] ?? "";
  if (!registered.includes(redirectUri)) {
    throw new QuickstartError(
      `ASTRA_REDIRECT_URI=${redirectUri} is not registered for this app (registered: ${registered.join(", ")}).\n` +
        "  Fix: unset ASTRA_REDIRECT_URI, set it to one of those, or add it under Redirect URIs on the app's page in the dashboard.",
    );
  }

  let phone: string | undefined;
  for (const candidate of CANDIDATE_PHONES) {
    const lookup = await send(api(`/sandbox/users?phone=${candidate}`), { headers: { Authorization: basic } });
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
  await expectStatus(intentResponse, [200, 201], "POST /v1/user_intent", credentialsFix);
  const { id: userIntentId } = (await intentResponse.json()) as { id: string };
  log(`✔ Created user intent ${userIntentId} (${email}, phone ${phone})`);

  try {
    return await signInAndRead({ ...options, send, log, api, hosted, basic, redirectUri, userIntentId, phone, email });
  } catch (error) {
    // Leave nothing behind: the intent, and the user it may have become, go again.
    const undo = await send(api(`/sandbox/user_intents/${encodeURIComponent(userIntentId)}`), {
      method: "DELETE",
      headers: { Authorization: basic },
    }).catch(() => null);
    log(undo?.ok ? `✘ Deleted user intent ${userIntentId} again` : `✘ Could not delete user intent ${userIntentId}`);
    throw error;
  }
}

interface SignInContext extends QuickstartOptions {
  send: typeof fetch;
  log: (line: string) => void;
  api: (path: string) => string;
  hosted: (path: string) => string;
  basic: string;
  redirectUri: string;
  userIntentId: string;
  phone: string;
  email: string;
}

/** The module walk, the token exchange and the two reads, for the user intent just made. */
async function signInAndRead(context: SignInContext): Promise<QuickstartResult> {
  const { send, log, api, hosted, basic, redirectUri, userIntentId, phone, email } = context;
  const moduleFix = `check ASTRA_APP_URL (${context.appUrl}) and ASTRA_REDIRECT_URI (${redirectUri}).`;
  const authorize = new URL(hosted("/login/oauth/authorize"));
  const state = `quickstart-${Date.now()}`;
  for (const [name, value] of Object.entries({
    client_id: context.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    state,
    user_intent_id: userIntentId,
    phone,
    phone_read_only: "true",
  })) {
    authorize.searchParams.set(name, value);
  }
  const start = await expectStatus(await send(authorize.toString()), [200], "Opening the OAuth module", moduleFix);
  const sessionId = sessionIdFrom(await start.text());
  log("✔ Opened the OAuth module");

  const step = async (path: string, fields: Record<string, string>, expected = [200]) => {
    const response = await send(hosted(`/login/oauth/authorize/${path}`), {
      method: "POST",
      body: new URLSearchParams({ session_id: sessionId, ...fields }),
      redirect: "manual",
    });
    return expectStatus(response, expected, `The module's ${path} step`, moduleFix);
  };
  const code = codeOnPage(await (await step("phone", { phone })).text());
  const afterCode = await (await step("code", { code })).text();
  if (afterCode.includes('action="/login/oauth/authorize/profile"')) {
    await step("profile", { first_name: "Quinn", last_name: "Starter", email });
  }
  const consent = await step("consent", { decision: "authorize" }, [302, 303]);
  const location = new URL(consent.headers.get("location") ?? "", redirectUri);
  const authorizationCode = location.searchParams.get("code");
  if (!authorizationCode) throw new QuickstartError(`The module redirected without a code: ${location}`);
  if (location.searchParams.get("state") !== state) throw new QuickstartError("The module did not echo state.");
  log(`✔ Signed in with ${phone} and code ${code}, authorized; redirected with a code`);

  const tokenResponse = await send(api("/v1/oauth/token"), {
    method: "POST",
    headers: { Authorization: basic },
    body: new URLSearchParams({ grant_type: "authorization_code", code: authorizationCode, redirect_uri: redirectUri }),
  });
  await expectStatus(
    tokenResponse,
    [200],
    "POST /v1/oauth/token",
    `check ASTRA_REDIRECT_URI (${redirectUri}) and the app's keys.`,
  );
  const tokens = oauthTokenResponseSchema.parse(await tokenResponse.json());
  log(`✔ Exchanged the code for an access token (expires in ${tokens.expires_in} s) and a refresh token`);

  const bearer = { headers: { Authorization: `Bearer ${tokens.access_token}` } };
  const readFix = "set ASTRA_API_URL to the emulator that issued the token.";
  const userResponse = await expectStatus(await send(api("/v1/user"), bearer), [200], "GET /v1/user", readFix);
  const user = userSchema.parse(await userResponse.json());
  log(`✔ GET /v1/user: ${user.first_name} ${user.last_name}, ${user.status}, id ${user.id}`);

  const accountsResponse = await expectStatus(
    await send(api("/v1/accounts"), bearer),
    [200],
    "GET /v1/accounts",
    readFix,
  );
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
