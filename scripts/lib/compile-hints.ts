// After `next build`: marks the client chunks that pages load at startup with V8's per-file compile hint.
//
// Chromium (136 and later) compiles a script's top level on a background thread while it downloads, but leaves
// every function inside it to be compiled on the main thread the first time it is called. A Turbopack chunk is
// one function per module, so React and the Next runtime were compiled on the main thread during hydration: a
// CPU profile of the landing page at 4x slowdown showed about 150 ms of it, and the task that started the app
// was 57 ms long (Lighthouse counts it four times over in Total Blocking Time). `//# allFunctionsCalledOnLoad`
// at the top of a file asks the browser to compile all of its functions eagerly, off the main thread, while
// the file streams in. The startup task falls to about 19 ms (docs/performance.md). Other browsers ignore
// the comment.
//
// Only chunks that some page runs as it starts get it (each route's First Load JS, the same chunks whether the
// route is opened directly or navigated to), never a chunk that only a dynamic import() loads: eager
// compilation of code nobody calls would cost the phone CPU for nothing. Next has no option for this yet, so
// the comment is added to the built files; their names stay as Next hashed them. With `experimental.sri` on,
// the integrity hashes Next wrote would no longer match the files, so nothing is changed then.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

type RouteBundleStats = { route: string; firstLoadChunkPaths?: string[] }[];
type BuildManifest = { rootMainFiles?: string[] };

/**
 * The chunks a page loads at startup, as absolute paths: each route's First Load JS from
 * `diagnostics/route-bundle-stats.json` (paths relative to the project), plus the framework's root files from
 * `build-manifest.json` (relative to the build directory), so a build without the diagnostics file still gets
 * the framework hinted.
 */
export function startupChunks(projectDir: string, distDir = ".next"): string[] {
  const dist = path.resolve(projectDir, distDir);
  const chunks = new Set<string>();
  const statsFile = path.join(dist, "diagnostics", "route-bundle-stats.json");
  if (existsSync(statsFile)) {
    const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteBundleStats;
    for (const route of stats) {
      for (const chunk of route.firstLoadChunkPaths ?? []) chunks.add(path.resolve(projectDir, chunk));
    }
  }
  const manifestFile = path.join(dist, "build-manifest.json");
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BuildManifest;
    for (const chunk of manifest.rootMainFiles ?? []) chunks.add(path.resolve(dist, chunk));
  }
  return [...chunks].filter((chunk) => chunk.endsWith(".js")).sort();
}

/**
 * A source map for the hinted file: the hint is one new first line, so every mapping moves down one line
 * (an index map's sections move instead). Only matters for a fork that turns on `productionBrowserSourceMaps`.
 */
export function shiftSourceMap(json: string): string {
  const map = JSON.parse(json) as { mappings?: string; sections?: { offset: { line: number } }[] };
  if (map.sections) for (const section of map.sections) section.offset.line += 1;
  else if (typeof map.mappings === "string") map.mappings = `;${map.mappings}`;
  return JSON.stringify(map);
}

export type HintResult = {
  hinted: string[];
  alreadyHinted: string[];
  missing: string[];
  /** Why nothing was changed, when the build must keep its files exactly as Next wrote them. */
  skipped?: string;
};

/** Adds the hint to every startup chunk that lacks it; running it twice changes nothing. */
export function addCompileHints(projectDir: string, distDir = ".next"): HintResult {
  const result: HintResult = { hinted: [], alreadyHinted: [], missing: [] };
  if (existsSync(path.resolve(projectDir, distDir, "server", "subresource-integrity-manifest.json"))) {
    result.skipped = "experimental.sri is on, and the integrity hashes in the HTML must match the files";
    return result;
  }
  for (const chunk of startupChunks(projectDir, distDir)) {
    if (!existsSync(chunk)) {
      result.missing.push(chunk);
      continue;
    }
    const source = readFileSync(chunk, "utf8");
    if (source.startsWith(COMPILE_HINT)) {
      result.alreadyHinted.push(chunk);
      continue;
    }
    writeFileSync(chunk, `${COMPILE_HINT}\n${source}`);
    const map = `${chunk}.map`;
    if (existsSync(map)) writeFileSync(map, shiftSourceMap(readFileSync(map, "utf8")));
    result.hinted.push(chunk);
  }
  return result;
}
