// `npm run dev:app`: `next dev` on the port AUTH_URL names (3000 without it). A taken port stops it with what to
// do, where Next alone would move to the next port and break sign-in and webhooks, which still name AUTH_URL's.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
export const DEFAULT_PORT = 3000;

/** The port AUTH_URL names when it is this machine, else null. */
export function authUrlPort(authUrl: string | undefined): number | null {
  if (!authUrl) return null;
  let url: URL;
  try {
    url = new URL(authUrl);
  } catch {
    return null;
  }
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null;
  return Number(url.port || (url.protocol === "https:" ? 443 : 80));
}

/** The port to listen on, or why the settings disagree. */
export function choosePort({
  authUrl,
  port,
}: {
  authUrl: string | undefined;
  port: string | undefined;
}): { port: number } | { problem: string } {
  const fromAuthUrl = authUrlPort(authUrl);
  if (port === undefined || port === "") return { port: fromAuthUrl ?? DEFAULT_PORT };
  const asked = Number(port);
  if (fromAuthUrl !== null && fromAuthUrl !== asked) {
    return {
      problem:
        `PORT is ${asked} but AUTH_URL is ${authUrl}: sign-in would return to port ${fromAuthUrl}. ` +
        `Set AUTH_URL=http://localhost:${asked}, or unset PORT (the app follows AUTH_URL).`,
    };
  }
  return { port: asked };
}

export function takenPortMessage(port: number): string {
  const next = port + 1;
  return [
    `Port ${port} is taken, so the app cannot start there (often an earlier \`npm run dev\`; \`ss -ltnp 'sport = :${port}'\` or \`lsof -i :${port}\` names the program).`,
    `Stop that program, or move the app: set AUTH_URL=http://localhost:${next} in .env.local (the app follows it) and register http://localhost:${next}/api/auth/callback/astra (docs/troubleshooting.md).`,
  ].join("\n");
}

/** Listens the way `next dev` does (every interface), so "free" here means free for Next. */
export function isTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "EADDRINUSE" || error.code === "EACCES"),
    );
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

async function main() {
  (require("@next/env") as typeof import("@next/env")).loadEnvConfig(process.cwd(), true, {
    info: () => {},
    error: console.error,
  });
  const chosen = choosePort({ authUrl: process.env.AUTH_URL, port: process.env.PORT });
  if ("problem" in chosen) {
    console.error(chosen.problem);
    process.exit(1);
  }
  if (await isTaken(chosen.port)) {
    console.error(takenPortMessage(chosen.port));
    process.exit(1);
  }
  const child = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "dev", "--port", String(chosen.port), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
