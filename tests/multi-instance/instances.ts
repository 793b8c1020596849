// Runs the app's production build (`.next`, from `npm run build`) as several `next start` processes on one
// database, the way Vercel runs many instances of one deployment, with exactly the environment the README's
// Deploy button gives: VERCEL=1, AUTH_SECRET, CRON_SECRET and Neon's DATABASE_URL, no ASTRA_ENV and no AUTH_URL (so demo mode
// is inferred by lib/env.ts and every origin comes from the request the proxy forwards).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export interface InstanceOptions {
  ports: number[];
  databaseUrl: string;
  authSecret: string;
}

const NEXT_BIN = path.resolve("node_modules/.bin/next");
const READY_TIMEOUT_MS = 60_000;

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/**
 * Waits until the port accepts connections, without sending a request: a test may then make the very first
 * request an instance serves (tests/multi-instance/deploy-button.spec.ts).
 */
async function waitUntilListening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited (${child.exitCode}):\n${output()}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start on ${port} did not listen within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export class Instances {
  private children: ChildProcess[] = [];

  constructor(private readonly options: InstanceOptions) {}

  async start(): Promise<void> {
    this.children = await Promise.all(this.options.ports.map((port) => this.startOne(port)));
  }

  private async startOne(port: number): Promise<ChildProcess> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      VERCEL: "1",
      DATABASE_URL: this.options.databaseUrl,
      AUTH_SECRET: this.options.authSecret,
      CRON_SECRET: "multi-instance-cron-secret-0123456789",
    };
    for (const name of Object.keys(env)) {
      if (/^(ASTRA_|AUTH_(URL|TRUST_HOST)$|VERCEL_|CLIENT_IP_HEADER$)/.test(name)) delete env[name];
    }
    delete env.POSTGRES_URL;
    delete env.DEMO_SQLITE_FILE;
    // Its own process group, so a stop takes `next start`'s workers with it.
    const child = spawn(NEXT_BIN, ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    await waitUntilListening(port, child, () => output);
    return child;
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map(stopGroup));
    this.children = [];
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const killer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
