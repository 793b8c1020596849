import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// packages/astra-emulator/docs/store.md, "Portable SQL", rule 9: a bound LIMIT or OFFSET goes through a cast. A bare `LIMIT ?`
// ran three to five times slower on better-sqlite3. The emulator's statements are template literals in its
// store modules, so the rule can be read off the source.
const STORE_DIR = path.join(process.cwd(), "packages", "astra-emulator", "src", "store");

function storeSources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return storeSources(full);
    return entry.name.endsWith(".ts")
      ? [{ file: path.relative(process.cwd(), full), text: readFileSync(full, "utf8") }]
      : [];
  });
}

/** Every `LIMIT`/`OFFSET` followed directly by a bound parameter (`?`, `@name`, `$1`) instead of a cast. */
function bareBoundPaging(text: string): string[] {
  return [...text.matchAll(/\b(LIMIT|OFFSET)\s+(\?|@\w+|\$\d+)/g)].map((match) => match[0]);
}

describe("the emulator's SQL binds LIMIT and OFFSET through a cast", () => {
  it("finds a bare bound LIMIT or OFFSET, and lets a cast or a literal through", () => {
    expect(bareBoundPaging("SELECT 1 LIMIT ? OFFSET @skip")).toEqual(["LIMIT ?", "OFFSET @skip"]);
    expect(bareBoundPaging("SELECT 1 LIMIT CAST(? AS BIGINT) OFFSET CAST(@skip AS BIGINT)")).toEqual([]);
    expect(bareBoundPaging("SELECT 1 LIMIT 1")).toEqual([]);
  });

  const sources = storeSources(STORE_DIR);
  it("reads the store's modules", () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((source) => [source.file, source.text]))("%s", (_file, text) => {
    expect(bareBoundPaging(text)).toEqual([]);
  });
});
