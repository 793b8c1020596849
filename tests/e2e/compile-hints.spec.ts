import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

// `npm run build` marks the chunks a page runs at startup with V8's compile hint (scripts/lib/compile-hints.ts),
// so Chromium compiles them off the main thread while they download. This checks what the browser gets from
// the production build the suite runs (`.next` in the project).
const HINT = "//# allFunctionsCalledOnLoad\n";
const BUILD = ".next";

/** The URL path `next start` serves a file of the build's `static/` folder at. */
const urlOf = (file: string) => `/_next/${path.relative(BUILD, file).split(path.sep).join("/")}`;

function startupChunks(): Set<string> {
  const stats = JSON.parse(readFileSync(path.join(BUILD, "diagnostics", "route-bundle-stats.json"), "utf8")) as {
    firstLoadChunkPaths?: string[];
  }[];
  return new Set(stats.flatMap((route) => route.firstLoadChunkPaths ?? []).filter((file) => file.endsWith(".js")));
}

test("every script a page starts with, preloaded or not, is served with the compile hint on its first line", async ({
  page,
}) => {
  for (const pagePath of ["/", "/signin"]) {
    const html = await (await page.request.get(pagePath)).text();
    // The noModule polyfills are only for browsers too old to read the hint.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((match) => match[1] ?? "")
      .filter((attributes) => !/\snoModule/i.test(attributes))
      .map((attributes) => /\ssrc="([^"]+)"/.exec(attributes)?.[1]);
    const preloads = [...html.matchAll(/<link\b(?=[^>]*\bas="script")[^>]*\shref="([^"]+)"/g)].map((match) => match[1]);
    const sources = [...new Set([...scripts, ...preloads])].filter((src): src is string => Boolean(src));
    expect(sources.length, `${pagePath} loads the framework's chunks`).toBeGreaterThanOrEqual(4);
    for (const src of sources) {
      const script = await page.request.get(src);
      expect(script.status(), src).toBe(200);
      expect((await script.text()).startsWith(HINT), `${src} starts with the hint`).toBe(true);
    }
  }
});

test("every route's startup chunks carry the hint, and a chunk loaded only on demand does not", async ({ page }) => {
  const startup = startupChunks();
  expect(startup.size, "the build lists each route's First Load JS").toBeGreaterThan(5);
  for (const file of startup) {
    const script = await page.request.get(urlOf(file));
    expect(script.status(), file).toBe(200);
    expect((await script.text()).startsWith(HINT), `${file} starts with the hint`).toBe(true);
  }
  const chunksDir = path.join(BUILD, "static", "chunks");
  const manifest = JSON.parse(readFileSync(path.join(BUILD, "build-manifest.json"), "utf8")) as {
    polyfillFiles: string[];
  };
  const polyfills = new Set(manifest.polyfillFiles.map((file) => path.join(BUILD, file)));
  const onDemand = readdirSync(chunksDir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => path.join(chunksDir, name))
    .filter((file) => !startup.has(file) && !polyfills.has(file));
  // A build with no dynamic import() has nothing to check here; this one lazily loads part of its UI.
  expect(onDemand.length, "the build has a chunk loaded only on demand").toBeGreaterThan(0);
  for (const file of onDemand) {
    expect((await (await page.request.get(urlOf(file))).text()).startsWith(HINT), `${file} is left as built`).toBe(
      false,
    );
  }
});
