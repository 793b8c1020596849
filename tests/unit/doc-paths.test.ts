import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The maps a newcomer reads first must not send them to a file that is gone (docs/architecture.md once named
// lib/auth/session-tokens.ts, which never existed). Every repository path they name, in backticks, bare, or as
// a relative link, must exist.
const ROOT = path.resolve(import.meta.dirname, "../..");
const DOCS = ["README.md", "docs/architecture.md", "docs/testing.md"];
const TOP = "(?:app|lib|components|packages|sandbox|tests|scripts|config|docs|\\.ci|\\.github)";
const REPO_PATH = new RegExp(`(?:^|[\\s\`])(${TOP}/[\\w\\[\\]().@{},/-]*(?:\\.\\w+)?)`, "g");

/** `lib/astra/{a,b}.ts` → both files; a trailing `)` or `.` that belongs to the sentence is dropped. */
function expand(raw: string): string[] {
  let p = raw.replace(/[.,;:]+$/, "");
  while ((p.match(/\)/g) ?? []).length > (p.match(/\(/g) ?? []).length) p = p.slice(0, p.lastIndexOf(")"));
  const braces = /^(.*)\{(.*)\}(.*)$/.exec(p);
  return braces ? braces[2]!.split(",").map((alt) => `${braces[1]}${alt}${braces[3]}`) : [p];
}

function namedPaths(doc: string): string[] {
  const text = readFileSync(path.join(ROOT, doc), "utf8");
  const links = [...text.matchAll(/\]\(([^)#\s]+)/g)]
    .map((match) => match[1]!)
    .filter((link) => !link.includes("://") && !link.startsWith("mailto:"))
    .map((link) => path.join(path.dirname(doc), link));
  const paths = [...text.matchAll(REPO_PATH)].flatMap((match) => expand(match[1]!));
  return [...new Set([...links, ...paths])];
}

describe.each(DOCS)("%s", (doc) => {
  it("names only files and folders that exist", () => {
    const named = namedPaths(doc);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });
});
