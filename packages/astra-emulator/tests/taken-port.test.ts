// `npm run emulator` on a port another program holds: one line naming EMULATOR_PORT, exit 1, no stack.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterEach, expect, it } from "vitest";

const BIN = path.resolve(import.meta.dirname, "../bin/astra-emulator.js");

let blocker: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

it("says which variable to change when its port is taken", async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker!.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as { port: number };
  // eslint-disable-next-line no-restricted-properties -- the child inherits this environment, minus EMULATOR_HOST
  const inherited = Object.entries(process.env).filter(([name]) => name !== "EMULATOR_HOST");
  const env = {
    ...(Object.fromEntries(inherited) as NodeJS.ProcessEnv),
    EMULATOR_PORT: String(port),
    EMULATOR_DB: ":memory:",
  };
  const child = spawn(process.execPath, [BIN], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  // Bounded: an emulator that somehow started is stopped, and the assertions fail.
  const guard = setTimeout(() => child.kill("SIGTERM"), 25_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(guard);
  expect(stderr.trim().split("\n")).toEqual([expect.stringContaining(`Port ${port} is taken`)]);
  expect(stderr).toContain("EMULATOR_PORT");
  expect(code).toBe(1);
}, 30_000);
