// Runs the app's production build (`.next`, from `npm run build`) as several `next start` processes, all in demo
// mode on one database, the way a serverless platform runs many instances of one deployment.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface InstanceOptions {
  ports: number[];
  databaseUrl: string;
  authSecret: string;
  /** The public origin (the proxy's), the same for every instance. */
  authUrl: string;
}

const NEXT_BIN = path.resolve("node_modules/.bin/next");
const READY_TIMEOUT_MS = 60_000;

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start on ${url} exited (${child.exitCode}):\n${output()}`);
    const answered = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start on ${url} did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
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
      ASTRA_ENV: "demo",
      DATABASE_URL: this.options.databaseUrl,
      AUTH_SECRET: this.options.authSecret,
      AUTH_URL: this.options.authUrl,
      // Tests name a visitor's address in this header (attack-identity.spec.ts); unset, it is 127.0.0.1.
      CLIENT_IP_HEADER: "x-test-client-ip",
    };
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
    await waitUntilAnswering(`http://127.0.0.1:${port}/`, child, () => output);
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
