import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, shiftSourceMap, startupChunks } from "@/scripts/lib/compile-hints";

// A build directory shaped like Next 16's: the diagnostics name each route's First Load JS relative to the
// project, the build manifest names the framework's root files relative to `.next`.
let project: string;
const chunk = (name: string) => path.join(project, ".next", "static", "chunks", name);

function writeBuild({ withStats = true } = {}) {
  mkdirSync(path.join(project, ".next", "static", "chunks"), { recursive: true });
  mkdirSync(path.join(project, ".next", "diagnostics"), { recursive: true });
  for (const name of ["framework.js", "runtime.js", "page.js", "lazy.js", "polyfill.js", "app.css"]) {
    writeFileSync(chunk(name), `/* ${name} */ (()=>{})();`);
  }
  writeFileSync(
    path.join(project, ".next", "build-manifest.json"),
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfill.js"],
      rootMainFiles: ["static/chunks/framework.js", "static/chunks/runtime.js"],
    }),
  );
  if (withStats) {
    writeFileSync(
      path.join(project, ".next", "diagnostics", "route-bundle-stats.json"),
      JSON.stringify([
        { route: "/", firstLoadChunkPaths: [".next/static/chunks/framework.js", ".next/static/chunks/page.js"] },
        { route: "/about", firstLoadChunkPaths: [".next/static/chunks/page.js", ".next/static/chunks/runtime.js"] },
      ]),
    );
  }
}

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe("startupChunks", () => {
  it("is every route's First Load JS plus the framework's root files, once each", () => {
    writeBuild();
    expect(startupChunks(project)).toEqual([chunk("framework.js"), chunk("page.js"), chunk("runtime.js")]);
  });

  it("falls back to the framework's root files when the build wrote no diagnostics", () => {
    writeBuild({ withStats: false });
    expect(startupChunks(project)).toEqual([chunk("framework.js"), chunk("runtime.js")]);
  });
});

describe("addCompileHints", () => {
  it("puts the hint on the first line of each startup chunk and leaves lazy chunks, polyfills and CSS alone", () => {
    writeBuild();
    const result = addCompileHints(project);
    expect(result.hinted).toHaveLength(3);
    expect(readFileSync(chunk("page.js"), "utf8")).toBe(`${COMPILE_HINT}\n/* page.js */ (()=>{})();`);
    for (const untouched of ["lazy.js", "polyfill.js", "app.css"]) {
      expect(readFileSync(chunk(untouched), "utf8")).toBe(`/* ${untouched} */ (()=>{})();`);
    }
  });

  it("changes nothing the second time", () => {
    writeBuild();
    addCompileHints(project);
    const again = addCompileHints(project);
    expect(again.hinted).toEqual([]);
    expect(again.alreadyHinted).toHaveLength(3);
    expect(readFileSync(chunk("framework.js"), "utf8").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("reports a chunk the manifests name but the build lacks", () => {
    writeBuild();
    rmSync(chunk("runtime.js"));
    expect(addCompileHints(project).missing).toEqual([chunk("runtime.js")]);
  });

  it("moves a chunk's source map down the one line it added", () => {
    writeBuild();
    writeFileSync(`${chunk("page.js")}.map`, JSON.stringify({ version: 3, mappings: "AAAA,CAAC;AACD" }));
    addCompileHints(project);
    addCompileHints(project);
    // Once: the second run finds the hint already there and leaves the map alone too.
    expect(JSON.parse(readFileSync(`${chunk("page.js")}.map`, "utf8")).mappings).toBe(";AAAA,CAAC;AACD");
  });

  it("changes nothing when the build has subresource integrity hashes to keep", () => {
    writeBuild();
    mkdirSync(path.join(project, ".next", "server"), { recursive: true });
    writeFileSync(path.join(project, ".next", "server", "subresource-integrity-manifest.json"), "{}");
    const result = addCompileHints(project);
    expect(result.skipped).toMatch(/sri/);
    expect(result.hinted).toEqual([]);
    expect(readFileSync(chunk("framework.js"), "utf8")).toBe("/* framework.js */ (()=>{})();");
  });

  it("reads a build directory other than .next", () => {
    writeBuild();
    const renamed = path.join(project, "build");
    renameSync(path.join(project, ".next"), renamed);
    // Paths in the diagnostics name the directory the build was written to.
    const stats = path.join(renamed, "diagnostics", "route-bundle-stats.json");
    writeFileSync(stats, readFileSync(stats, "utf8").replaceAll(".next/", "build/"));
    expect(addCompileHints(project, "build").hinted).toHaveLength(3);
    expect(readFileSync(path.join(renamed, "static", "chunks", "page.js"), "utf8").startsWith(COMPILE_HINT)).toBe(true);
  });
});

describe("shiftSourceMap", () => {
  it("moves each section of an index map down one line", () => {
    const map = { version: 3, sections: [{ offset: { line: 0, column: 0 } }, { offset: { line: 4, column: 2 } }] };
    const shifted = JSON.parse(shiftSourceMap(JSON.stringify(map)));
    expect(shifted.sections.map((section: { offset: { line: number } }) => section.offset.line)).toEqual([1, 5]);
  });
});
