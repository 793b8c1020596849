// Comment lines over non-blank lines in app/, components/ and lib/: `node scripts/comment-ratio.mjs [--list]`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const folders = ["app", "components", "lib"];
const list = process.argv.includes("--list");

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx|css)$/.test(entry.name) ? [path] : [];
  });
}

function commentRanges(path, text) {
  if (path.endsWith(".css"))
    return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => [m.index, m.index + m[0].length]);
  const kind = path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const ranges = new Map();
  const add = (found) => found?.forEach((r) => ranges.set(r.pos, [r.pos, r.end]));
  const visit = (node) => {
    // JSX text is not code: a "//" inside it is text, not a comment.
    if (node.kind !== ts.SyntaxKind.JsxText) {
      add(ts.getLeadingCommentRanges(text, node.getFullStart()));
      add(ts.getTrailingCommentRanges(text, node.getEnd()));
    }
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return [...ranges.values()];
}

function count(path) {
  const text = readFileSync(path, "utf8");
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const lineOf = (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const commented = new Set();
  for (const [pos, end] of commentRanges(path, text)) {
    for (let line = lineOf(pos); line <= lineOf(end - 1); line++) commented.add(line);
  }
  const lines = text.split("\n");
  const nonBlank = lines.filter((line) => line.trim() !== "").length;
  return { comments: [...commented].filter((line) => lines[line].trim() !== "").length, nonBlank };
}

const total = { comments: 0, nonBlank: 0 };
const percent = ({ comments, nonBlank }) => ((100 * comments) / nonBlank).toFixed(1);
for (const folder of folders) {
  const sum = { comments: 0, nonBlank: 0 };
  const perFile = files(folder).map((path) => ({ path, ...count(path) }));
  for (const file of perFile) {
    sum.comments += file.comments;
    sum.nonBlank += file.nonBlank;
  }
  total.comments += sum.comments;
  total.nonBlank += sum.nonBlank;
  console.log(`${folder}/: ${sum.comments} of ${sum.nonBlank} lines are comments (${percent(sum)} %)`);
  if (list) {
    perFile
      .filter((file) => file.comments > 0)
      .sort((a, b) => b.comments - a.comments)
      .forEach((file) => console.log(`  ${file.comments}\t${file.path}`));
  }
}
console.log(`total: ${total.comments} of ${total.nonBlank} lines are comments (${percent(total)} %)`);
