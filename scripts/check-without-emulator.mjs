// CI's proof that a fork can take the emulator out, as the README says: in a copy of this working tree,
// `npm run remove-emulator`, Astra's sandbox keys in .env.local, `npm install`, then `npm run lint` and `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = process.cwd();
const copy = mkdtempSync(path.join(tmpdir(), "astra-without-emulator-"));

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

const steps = [
  "npm run remove-emulator",
  "npm install --no-audit --no-fund",
  "npm run lint",
  // The fast tier, which after the removal is types, the build and the unit tests.
  "npm test",
];
for (const command of steps) {
  console.log(`\n[without the emulator] ${command}`);
  const { status } = spawnSync(command, { cwd: copy, stdio: "inherit", shell: true });
  if (status !== 0) {
    console.error(`[without the emulator] failed: ${command} (the copy is kept at ${copy})`);
    process.exit(1);
  }
  if (command === "npm run remove-emulator") {
    const keys = "ASTRA_ENV=sandbox\nASTRA_CLIENT_ID=fork-client-id\nASTRA_CLIENT_SECRET=fork-client-secret\n";
    writeFileSync(path.join(copy, ".env.local"), `${keys}AUTH_SECRET=a-fork-secret-of-at-least-32-characters\n`);
  }
}
rmSync(copy, { recursive: true, force: true });
console.log("\n[without the emulator] lint, types, the build and the unit tests pass");
