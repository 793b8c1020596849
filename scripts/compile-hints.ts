// The second half of `npm run build`: gives the startup chunks of the fresh build V8's compile hint
// (scripts/lib/compile-hints.ts says why). Fails the build if a chunk the manifests name is missing.
import { addCompileHints } from "./lib/compile-hints";

const distDir = process.argv[2] ?? ".next";
const { hinted, alreadyHinted, missing } = addCompileHints(process.cwd(), distDir);
if (missing.length > 0) {
  console.error(`compile hints: ${missing.length} startup chunk(s) named in ${distDir} are missing:`);
  for (const chunk of missing) console.error(`  ${chunk}`);
  process.exit(1);
}
if (hinted.length + alreadyHinted.length === 0) {
  console.error(`compile hints: no startup chunks found in ${distDir}; run \`next build\` first.`);
  process.exit(1);
}
console.log(
  `compile hints: ${hinted.length} startup chunk(s) marked for eager compilation` +
    (alreadyHinted.length ? `, ${alreadyHinted.length} already were` : ""),
);
