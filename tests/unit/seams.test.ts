// The core (lib/astra, lib/auth) must stand alone: demo mode, the dev tools and the emulator plug into it from
// lib/plugins.ts, so a fork deletes their folders without touching the core. Follows every local import.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const PLUGINS = ["lib/dev-tools/", "lib/demo/", "components/dev-tools/", "components/demo/", "packages/"];
const IMPORT = /(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) return filesUnder(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | "emulator package" | undefined {
  if (specifier === "astra-emulator" || specifier.startsWith("astra-emulator/")) return "emulator package";
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), specifier)
      : undefined;
  if (base === undefined) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return base; // a path that does not exist still names where it points
}

/** Every local file `start` reaches, with the chain that reached it. */
function reachable(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if ((file !== start && PLUGINS.some((prefix) => file.startsWith(prefix))) || !existsSync(path.join(root, file)))
      continue;
    for (const match of readFileSync(path.join(root, file), "utf8").matchAll(IMPORT)) {
      const target = resolveLocal(file, (match[1] ?? match[2])!);
      if (!target || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      if (target !== "emulator package") queue.push(target);
    }
  }
  return seen;
}

const core = [...filesUnder("lib/astra"), ...filesUnder("lib/auth")];

describe("the core's seams", () => {
  it.each(core)("%s reaches no plug-in and not the emulator", (file) => {
    const plugins = [...reachable(file)]
      .filter(([target]) => target === "emulator package" || PLUGINS.some((prefix) => target.startsWith(prefix)))
      .map(([, chain]) => chain.join(" -> "));
    expect(plugins).toEqual([]);
  });

  it("the routine reshaper reaches neither the session nor Auth.js", () => {
    const reached = [...reachable("lib/astra/routines.ts").keys()];
    expect(reached.filter((file) => file.startsWith("lib/auth/"))).toEqual([]);
  });

  // Once a fork removed the plug-ins (scripts/remove-emulator.mjs) there is none left to see.
  it.skipIf(!existsSync(path.join(root, "lib/dev-tools")))(
    "follows imports far enough to see a plug-in (the check itself works)",
    () => {
      expect([...reachable("components/dev-tools/dev-tools.tsx").keys()]).toContain("lib/dev-tools/gate.ts");
    },
  );
});
