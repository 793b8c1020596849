// Starts the emulator as a separate program (`npx tsx packages/astra-emulator/src/index.ts`), exactly as a developer would,
// with a throwaway store; the suite then talks to it over HTTP only and never imports its code.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export type EmulatorProcess = { stop: () => Promise<void> };

export async function startEmulator({
  port,
  redirectUris,
  webhookUrl,
  startupTimeoutMs = 60_000,
}: {
  port: number;
  redirectUris: string[];
  webhookUrl: string;
  startupTimeoutMs?: number;
}): Promise<EmulatorProcess> {
  if (await answersHealth(port)) {
    throw new Error(`Something already answers on port ${port}; stop it or set CONTRACT_EMULATOR_PORT to a free port.`);
  }
  const child: ChildProcess = spawn("npx", ["tsx", "packages/astra-emulator/src/index.ts"], {
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_DB: ":memory:",
      EMULATOR_REDIRECT_URIS: redirectUris.join(","),
      EMULATOR_WEBHOOK_URL: webhookUrl,
    },
    // Its own process group, so stopping it also stops the tsx/node processes npx starts.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));

  const stop = async () => {
    if (exited !== undefined || child.pid === undefined) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([gone, sleep(5_000)]);
    if (exited === undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };

  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`The emulator exited (code ${exited}) before it was ready:\n${output}`);
    if (await answersHealth(port)) return { stop };
    await sleep(250);
  }
  await stop();
  throw new Error(
    `The emulator did not answer /sandbox/health on port ${port} within ${startupTimeoutMs / 1000} s:\n${output}`,
  );
}

async function answersHealth(port: number): Promise<boolean> {
  try {
    const health = await fetch(`http://127.0.0.1:${port}/sandbox/health`, { signal: AbortSignal.timeout(2_000) });
    return health.ok;
  } catch {
    return false; // not listening (yet)
  }
}
