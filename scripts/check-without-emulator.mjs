// CI's proof that a fork can take the emulator out: a copy of this working tree, `npm run remove-emulator` in it,
// then lint, types, unit tests and the build against Astra's sandbox. Exits non-zero if any of them fails.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
// Beside the repository, so node_modules can be hard-linked (same file system) instead of copied.
const copy = `${root}-without-emulator`;
rmSync(copy, { recursive: true, force: true });
mkdirSync(copy);

const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root })
  .toString()
  .split("\0")
  .filter(Boolean);
for (const file of files) {
  try {
    cpSync(path.join(root, file), path.join(copy, file));
  } catch (error) {
    if (error.code !== "ENOENT") throw error; // deleted in the working tree but not yet in the index
  }
}
const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(copy, "node_modules")]);
if (linked.status !== 0) cpSync(path.join(root, "node_modules"), path.join(copy, "node_modules"), { recursive: true });

const env = {
  ...process.env,
  ASTRA_ENV: "sandbox",
  ASTRA_CLIENT_ID: "fork-client-id",
  ASTRA_CLIENT_SECRET: "fork-client-secret",
  AUTH_SECRET: "a-fork-secret-of-at-least-32-characters",
  AUTH_URL: "http://localhost:3000",
};
const steps = [
  "npm run remove-emulator",
  "npm run lint",
  "npm run typecheck",
  "npx vitest run --project unit",
  "npm run build",
];
for (const command of steps) {
  console.log(`\n[without the emulator] ${command}`);
  // The tests set their own environment, as vitest reads no .env file; the build gets the fork's.
  const { status } = spawnSync(command, {
    cwd: copy,
    env: command.includes("build") ? env : process.env,
    stdio: "inherit",
    shell: true,
  });
  if (status !== 0) {
    console.error(`[without the emulator] failed: ${command} (the copy is kept at ${copy})`);
    process.exit(1);
  }
}
rmSync(copy, { recursive: true, force: true });
console.log("\n[without the emulator] lint, types, unit tests and the build pass");
