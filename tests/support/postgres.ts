// A real, throwaway Postgres for the tests that claim Postgres. With TEST_DATABASE_URL set (a laptop, GitHub
// Actions) that server is used as it is. Otherwise this starts a private cluster from the machine's own
// Postgres binaries on a loopback port, in a temporary directory that is deleted on stop. Postgres refuses to run
// as root, so as root the cluster runs as the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestPostgres {
  /** A connection URL to the `postgres` database; make a database or schema of your own per test file. */
  url: string;
  /** True for TEST_DATABASE_URL: a server this run did not make, so it must drop what it made there. */
  external: boolean;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 55432;

/** Where initdb and pg_ctl live: Debian's versioned directory, or the PATH. */
function postgresBinDir(): string | null {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(path.join(debian, name, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return found ? path.dirname(found) : null;
}

export async function startTestPostgres(
  port = Number(process.env.TEST_PG_PORT ?? DEFAULT_PORT),
): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { url: external, external: true, stop: async () => undefined };

  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      "No Postgres found for the Postgres tests. Install it (Debian: apt-get install -y postgresql) or set " +
        "TEST_DATABASE_URL to a database the tests may fill and empty.",
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "astra-pg-"));
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, tool);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: "pipe" });
  };
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  chmodSync(dir, 0o700);
  try {
    run("initdb", ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    run("pg_ctl", [
      "-D",
      dir,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      "-l",
      path.join(dir, "log"),
      "-w",
      "start",
    ]);
  } catch (error) {
    // Most often the port is taken (another run still stopping, or another cluster): say so, and leave no files.
    const log = existsSync(path.join(dir, "log")) ? readFileSync(path.join(dir, "log"), "utf8").slice(-600) : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start the test Postgres on port ${port} (TEST_PG_PORT picks another).\n${log}`, {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    external: false,
    async stop() {
      try {
        run("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
