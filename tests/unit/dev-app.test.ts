import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { choosePort, takenPortMessage } from "../../scripts/dev-app";

describe("choosePort", () => {
  it("follows AUTH_URL's port, 3000 without one", () => {
    expect(choosePort({ authUrl: "http://localhost:3107", port: undefined })).toEqual({ port: 3107 });
    expect(choosePort({ authUrl: undefined, port: undefined })).toEqual({ port: 3000 });
    expect(choosePort({ authUrl: "https://app.example.com", port: undefined })).toEqual({ port: 3000 });
  });

  it("refuses a PORT that disagrees with a local AUTH_URL, naming both", () => {
    const chosen = choosePort({ authUrl: "http://localhost:3000", port: "3001" });
    expect(chosen).toEqual({ problem: expect.stringContaining("Set AUTH_URL=http://localhost:3001") });
    expect(choosePort({ authUrl: "http://localhost:3001", port: "3001" })).toEqual({ port: 3001 });
  });

  it("says how to move the app when its port is taken", () => {
    const message = takenPortMessage(3000);
    expect(message).toContain("Port 3000 is taken");
    expect(message).toContain("AUTH_URL=http://localhost:3001");
  });
});

let blocker: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

describe("npm run dev:app on a taken port", () => {
  it("stops with the message instead of moving to another port", async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, resolve));
    const { port } = blocker.address() as { port: number };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev-app.ts"], {
      // eslint-disable-next-line no-restricted-properties -- the child inherits this environment
      env: { ...process.env, AUTH_URL: `http://localhost:${port}`, PORT: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    // Bounded: if the check let Next start, the dev server is stopped and the assertions below fail.
    const guard = setTimeout(() => child.kill("SIGTERM"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(guard);
    expect(output).toContain(`Port ${port} is taken`);
    expect(output).not.toContain("Next.js");
    expect(code).toBe(1);
  }, 30_000);
});
