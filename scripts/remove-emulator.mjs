// `npm run remove-emulator`: takes the emulator, demo mode and the developer tools out, for a fork that talks to
// Astra itself. CI runs it on a copy, then lint, types, unit tests and the build with ASTRA_ENV=sandbox.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.argv[2] ? path.resolve(process.argv[2]) : process.cwd();
const at = (file) => path.join(root, file);

const PLUGIN_FOLDERS = [
  "packages/astra-emulator",
  "lib/demo",
  "components/demo",
  "app/emulator",
  "app/api/cron/emulator",
  "lib/dev-tools",
  "components/dev-tools",
  "app/api/dev-tools",
  "tests/unit/demo",
  // The suites that need an emulator to run against.
  "tests/e2e",
  "tests/multi-instance",
  "tests/contract",
  // The docs still describe the emulator: rewrite them, then bring back the check that their paths exist.
  "tests/unit/doc-paths.test.ts",
];

// The boot place and the UI slots, with no plug-in in them.
const WITHOUT_PLUGINS = {
  "lib/plugins.ts": `// The one place plug-ins join the app; this fork has none (see scripts/remove-emulator.mjs).
import "server-only";

export async function registerPlugins(): Promise<void> {}

export const publicDemo = (): boolean => false;

export type TestUserOutcomes = { ssn: string; choices: Record<string, { label: string; ipAddress: string }> };

export const testUserOutcomes = (): TestUserOutcomes | null => null;
`,
  "components/plugin-slots.tsx": `// Where the core's pages render a plug-in's UI; this fork has none.
const none: (props: Record<string, unknown>) => null = () => null;
export { none as SignedInDrawer, none as EmulatorHint, none as TryDemoButton };
`,
};

const SOURCE = /\.(ts|tsx|mjs|js)$/;
const sources = (dir) =>
  existsSync(at(dir))
    ? readdirSync(at(dir), { recursive: true })
        .map((file) => path.join(dir, String(file)))
        .filter((file) => SOURCE.test(file) && !file.includes("node_modules") && statSync(at(file)).isFile())
    : [];

const resolves = (from, specifier) => {
  if (specifier === "astra-emulator" || specifier.startsWith("astra-emulator/")) return false;
  if (!specifier.startsWith(".") && !specifier.startsWith("@/")) return true;
  const base = specifier.startsWith("@/") ? at(specifier.slice(2)) : path.resolve(path.dirname(at(from)), specifier);
  return ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"].some((ext) => existsSync(base + ext));
};
const brokenImports = (file) =>
  [...readFileSync(at(file), "utf8").matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)]
    .map((match) => match[1])
    .filter((specifier) => !resolves(file, specifier));

for (const folder of PLUGIN_FOLDERS) rmSync(at(folder), { recursive: true, force: true });
for (const [file, text] of Object.entries(WITHOUT_PLUGINS)) writeFileSync(at(file), text);

// Tests, scripts and configs of what went go with it, until nothing left imports (or a test reads) what went.
const TEST_CONFIGS = [
  "playwright.config.ts",
  "playwright.multi.config.ts",
  "playwright.dev.config.ts",
  "vitest.contract.config.ts",
];
const removable = () => [...sources("tests"), ...sources("scripts"), ...TEST_CONFIGS.filter((f) => existsSync(at(f)))];
for (let removed = true; removed;) {
  removed = false;
  for (const file of removable()) {
    const readsRemoved = file.startsWith("tests") && readFileSync(at(file), "utf8").includes(PLUGIN_FOLDERS[0]);
    if (brokenImports(file).length === 0 && !readsRemoved) continue;
    rmSync(at(file));
    console.log(`removed ${file}`);
    removed = true;
  }
}

const ROOT_FILES = ["proxy.ts", "instrumentation.ts", "next.config.ts", "vitest.config.ts"];
const core = [...sources("app"), ...sources("components"), ...sources("lib"), ...sources("config"), ...ROOT_FILES];
const stillBroken = core.flatMap((file) => brokenImports(file).map((specifier) => `${file} imports ${specifier}`));
if (stillBroken.length > 0) {
  console.error(`The app still depends on what was removed:\n${stillBroken.join("\n")}`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(at("package.json"), "utf8"));
delete manifest.workspaces;
delete manifest.dependencies["astra-emulator"];
const gone = (command) =>
  /emulator|sandbox|ASTRA_ENV=demo|playwright|test:contract/.test(command) ||
  [...command.matchAll(/(?:tsx|node) (\S+\.(?:ts|mjs))/g)].some((match) => !existsSync(at(match[1])));
for (const [name, command] of Object.entries(manifest.scripts)) if (gone(command)) delete manifest.scripts[name];
manifest.scripts.dev = manifest.scripts["dev:app"] ?? "next dev";
writeFileSync(at("package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

const vercel = JSON.parse(readFileSync(at("vercel.json"), "utf8"));
vercel.crons = vercel.crons?.filter((cron) => existsSync(at(`app${cron.path}`)));
if (!vercel.crons?.length) delete vercel.crons;
writeFileSync(at("vercel.json"), `${JSON.stringify(vercel, null, 2)}\n`);

console.log(
  "Done. Run npm install, and set ASTRA_ENV, ASTRA_CLIENT_ID and ASTRA_CLIENT_SECRET in .env.local (README).",
);
