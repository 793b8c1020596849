// `npm run doctor`: checks what usually stops a first run (Node version, the environment, reaching Astra or the
// emulator, the registered redirect URI, busy ports) and prints each finding with a fix. Exit 1 when any fails.
// The environment is judged by lib/env.ts itself, loaded from the same .env files Next.js reads.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { minVersion, satisfies, validRange } from "semver";
import { EMULATOR_CLIENT_ID } from "../config/emulator-defaults";
import { EnvError, parseEnv, type Env } from "../lib/env";

export type Finding =
  | { state: "ok"; label: string; detail: string }
  | { state: "fail"; label: string; detail: string; fix: string }
  | { state: "skip"; label: string; detail: string };

// Next.js's own .env loader (a dependency of next), CommonJS without named ESM exports.
const { loadEnvConfig } = createRequire(import.meta.url)("@next/env") as typeof import("@next/env");

export const CALLBACK_PATH = "/api/auth/callback/astra";
const TIMEOUT_MS = 3_000;
const NEXT_DEFAULT_PORT = 3000;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function formatFinding(finding: Finding): string {
  const mark = { ok: "✓", fail: "✗", skip: "–" }[finding.state];
  const line = `${mark} ${finding.label}: ${finding.detail}`;
  return finding.state === "fail" ? `${line}\n    fix: ${finding.fix}` : line;
}

export function checkNode(version: string, range: string): Finding {
  const label = "Node.js";
  if (!validRange(range))
    return { state: "skip", label, detail: `${version}; cannot read the engines range "${range}"` };
  const major = minVersion(range)?.major;
  return satisfies(version, range)
    ? { state: "ok", label, detail: `${version} (package.json wants ${range})` }
    : {
        state: "fail",
        label,
        detail: `${version} is outside ${range}`,
        fix: `Install Node.js ${range} (nvm install ${major}, or nvm use in this folder; or nodejs.org).`,
      };
}

/** lib/env.ts's verdict on the variables, one finding per problem it names. */
export function checkEnv(source: Record<string, string | undefined>): { env: Env | null; findings: Finding[] } {
  try {
    const env = parseEnv(source);
    const detail = `ASTRA_ENV=${env.astraEnv}, API ${env.astraApiUrl}, module ${env.astraAppUrl}, app ${env.authUrl ?? "(from the request's host)"}`;
    return { env, findings: [{ state: "ok", label: "environment", detail }] };
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return {
      env: null,
      findings: error.problems.map((problem) => ({
        state: "fail",
        label: "environment",
        detail: problem,
        fix: fixForEnvProblem(problem),
      })),
    };
  }
}

/** lib/env.ts's problems read "VARIABLE: what is wrong[; how to fix it]"; turn that into one sentence to act on. */
export function fixForEnvProblem(problem: string): string {
  const variable = /^([A-Z_]+):/.exec(problem)?.[1];
  const where = "in .env.local (see .env.example) or your host's settings";
  return variable
    ? `Correct ${variable} ${where}, as the message says, then restart the app.`
    : `Correct the environment ${where}, then restart the app.`;
}

export type Reach = { status: number; body: string } | { error: string };

/** A URL is reachable when it answers anything over HTTP; a status is information, not failure. */
export function describeReach(label: string, url: string, reach: Reach, env: Env): Finding {
  if ("status" in reach) return { state: "ok", label, detail: `${url} answered HTTP ${reach.status}` };
  const variable = label.startsWith("Astra API") ? "ASTRA_API_URL" : "ASTRA_APP_URL";
  const fix =
    env.astraEnv === "emulator"
      ? `Start the emulator with \`npm run emulator\` (or \`npm run dev\`), or point ${variable} at a running one.`
      : `Check your network and ${variable} (unset it to use the default for ASTRA_ENV=${env.astraEnv}).`;
  return { state: "fail", label, detail: `${url} did not answer: ${reach.error}`, fix };
}

export function redirectUriOf(env: Env): string | null {
  return env.authUrl ? `${env.authUrl}${CALLBACK_PATH}` : null;
}

/** The module's authorize URL for this app, which the emulator refuses with a page unless the URI is registered. */
export function authorizeUrlOf(env: Env, redirectUri: string): string {
  const query = new URLSearchParams({
    client_id: env.astraClientId,
    redirect_uri: redirectUri,
    response_type: "code",
    state: "doctor",
  });
  return `${env.astraAppUrl}/login/oauth/authorize?${query}`;
}

/** The app origins whose sign-in callback the emulator's "Redirect URI not registered" page lists. */
export function registeredAppOrigins(body: string): string[] {
  const list = /Registered redirect URIs: ([^<]*?)\. To use/.exec(body)?.[1] ?? "";
  return list
    .split(",")
    .map((uri) => uri.trim())
    .filter((uri) => uri.endsWith(CALLBACK_PATH))
    .map((uri) => uri.slice(0, -CALLBACK_PATH.length));
}

export function describeRedirectCheck(env: Env, redirectUri: string, reach: Reach): Finding {
  const label = "redirect URI";
  if ("error" in reach)
    return { state: "skip", label, detail: `not checked, the module did not answer (${reach.error})` };
  if (reach.status === 200)
    return { state: "ok", label, detail: `${redirectUri} is registered for ${env.astraClientId}` };
  if (reach.body.includes("Redirect URI not registered")) {
    const register = `add ${redirectUri} under Redirect URIs at ${env.astraAppUrl}/dashboard/apps/${env.astraClientId}, or set EMULATOR_REDIRECT_URIS and delete .sandbox/astra.db so the emulator re-seeds.`;
    const expected = registeredAppOrigins(reach.body).filter((origin) => origin !== env.authUrl);
    return {
      state: "fail",
      label,
      detail: `the emulator answered "Redirect URI not registered" for ${redirectUri}`,
      fix:
        expected.length > 0
          ? `The emulator expects the app at ${expected.join(" or ")}, but AUTH_URL is ${env.authUrl}: if the app runs there, set AUTH_URL=${expected[0]} (\`npm run dev\` listens on AUTH_URL's port). To keep ${env.authUrl}, ${register}`
          : `${register.charAt(0).toUpperCase()}${register.slice(1)}`,
    };
  }
  if (reach.body.includes("Invalid client_id")) {
    return {
      state: "fail",
      label,
      detail: `the emulator knows no app with client id ${env.astraClientId}`,
      fix: `Set ASTRA_CLIENT_ID to the emulator's client id (EMULATOR_CLIENT_ID, ${EMULATOR_CLIENT_ID} by default).`,
    };
  }
  return {
    state: "fail",
    label,
    detail: `the authorize page answered HTTP ${reach.status}`,
    fix: `Open ${authorizeUrlOf(env, redirectUri)} in a browser and read what it says.`,
  };
}

export function describeEmulatorKeys(reach: Reach): Finding {
  const label = "emulator keys";
  if ("error" in reach)
    return { state: "skip", label, detail: `not checked, the emulator did not answer (${reach.error})` };
  if (reach.status === 200)
    return { state: "ok", label, detail: "the control API accepts ASTRA_CLIENT_ID and ASTRA_CLIENT_SECRET" };
  return {
    state: "fail",
    label,
    detail: `the control API refused the app's keys (HTTP ${reach.status})`,
    fix: "Set ASTRA_CLIENT_ID and ASTRA_CLIENT_SECRET to the emulator's app (see .env.example, or Reveal secret in its dashboard).",
  };
}

export type PortUse = "free" | "this-program" | "other";
export type PortRole = { role: "app" | "emulator"; port: number };

/** The local ports this configuration will listen on: the app's (from AUTH_URL) and, in emulator mode, the emulator's. */
export function portsOf(env: Env): PortRole[] {
  const ports: PortRole[] = [{ role: "app", port: loopbackPort(env.authUrl) ?? NEXT_DEFAULT_PORT }];
  const emulatorPort = env.astraEnv === "emulator" ? loopbackPort(env.astraApiUrl) : null;
  if (emulatorPort !== null) ports.push({ role: "emulator", port: emulatorPort });
  return ports;
}

function loopbackPort(url: string | undefined): number | null {
  if (!url) return null;
  const parsed = new URL(url);
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
}

export function describePort({ role, port }: PortRole, use: PortUse): Finding {
  const label = `port ${port}`;
  if (use === "free") return { state: "ok", label, detail: `free for the ${role}` };
  if (use === "this-program") return { state: "ok", label, detail: `in use by the ${role}, which is already running` };
  const fix =
    role === "app"
      ? `Stop the program on it (\`ss -ltnp 'sport = :${port}'\` names it), or move the app: set AUTH_URL=http://localhost:${port + 1} (\`npm run dev\` listens on its port) and register that origin's callback.`
      : `Stop the program on it (\`ss -ltnp 'sport = :${port}'\` names it), or start the emulator with EMULATOR_PORT=4011 and set ASTRA_API_URL and ASTRA_APP_URL to http://localhost:4011.`;
  return { state: "fail", label, detail: `in use by another program, so the ${role} cannot start there`, fix };
}

export function networkErrorText(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  return error instanceof Error ? (cause?.message ?? error.message) : String(error);
}

async function reach(url: string, init: RequestInit = {}): Promise<Reach> {
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: networkErrorText(error) };
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "EADDRINUSE" || error.code === "EACCES"),
    );
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

/** Whether the program on a busy port is the one that belongs there (so `npm run dev` being up is not an error). */
async function whoListens({ role, port }: PortRole): Promise<PortUse> {
  if (!(await isListening(port))) return "free";
  const probe =
    role === "app"
      ? await reach(`http://localhost:${port}/api/auth/providers`)
      : await reach(`http://localhost:${port}/sandbox/health`);
  const recognised =
    "status" in probe &&
    probe.status === 200 &&
    (role === "app" ? probe.body.includes('"astra"') : probe.body.includes('"ok"'));
  return recognised ? "this-program" : "other";
}

export async function runDoctor(source: Record<string, string | undefined>, engines: string): Promise<Finding[]> {
  const findings: Finding[] = [checkNode(process.versions.node, engines)];
  const { env, findings: envFindings } = checkEnv(source);
  findings.push(...envFindings);
  if (!env) {
    findings.push({
      state: "skip",
      label: "Astra URLs, redirect URI, ports",
      detail: "not checked until the environment is valid",
    });
    return findings;
  }

  if (env.astraEnv === "demo") {
    // The emulator is part of the app: it answers once the app runs, and accepts the app's own redirect URIs.
    findings.push({
      state: "skip",
      label: "Astra API, module, redirect URI",
      detail: `the emulator runs inside the app (ASTRA_ENV=demo) at ${env.astraApiUrl}; start it with \`npm run dev:demo\``,
    });
    for (const port of portsOf(env)) findings.push(describePort(port, await whoListens(port)));
    return findings;
  }

  const [api, module] = await Promise.all([reach(env.astraApiUrl), reach(env.astraAppUrl)]);
  findings.push(
    describeReach("Astra API", env.astraApiUrl, api, env),
    describeReach("Astra module", env.astraAppUrl, module, env),
  );

  const redirectUri = redirectUriOf(env);
  if (env.astraEnv !== "emulator") {
    findings.push({
      state: "skip",
      label: "redirect URI",
      detail: `cannot be read from Astra; register ${redirectUri ?? `<AUTH_URL>${CALLBACK_PATH}`} exactly in Astra's dashboard`,
    });
  } else if (!redirectUri) {
    findings.push({
      state: "skip",
      label: "redirect URI",
      detail: "AUTH_URL is not set, so the app takes its origin from each request",
    });
  } else {
    const basic = Buffer.from(`${env.astraClientId}:${env.astraClientSecret}`).toString("base64");
    const [authorize, clock] = await Promise.all([
      reach(authorizeUrlOf(env, redirectUri)),
      reach(`${env.astraApiUrl}/sandbox/clock`, { headers: { authorization: `Basic ${basic}` } }),
    ]);
    findings.push(describeRedirectCheck(env, redirectUri, authorize), describeEmulatorKeys(clock));
  }

  for (const port of portsOf(env)) findings.push(describePort(port, await whoListens(port)));
  return findings;
}

async function main() {
  const production = process.argv.includes("--production");
  // The same files, in the same order, that `next dev` (or with --production, `next start`) would read.
  const { combinedEnv } = loadEnvConfig(process.cwd(), !production, { info: () => {}, error: console.error });
  const source = production ? { ...combinedEnv, NODE_ENV: "production" } : combinedEnv;
  const { engines } = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };

  console.log(`Checking this checkout for ${production ? "`next start`" : "`npm run dev`"}:\n`);
  const findings = await runDoctor(source, engines.node);
  for (const finding of findings) console.log(formatFinding(finding));
  const failed = findings.filter((finding) => finding.state === "fail").length;
  console.log(
    failed === 0 ? "\nAll checks passed." : `\n${failed} check${failed === 1 ? "" : "s"} failed; see the fixes above.`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
