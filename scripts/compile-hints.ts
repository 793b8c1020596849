// `npm run build` runs this after `next build`: gives the startup chunks V8's compile hint
// (scripts/lib/compile-hints.ts says why). Anything unexpected is a warning: the hint only makes pages faster.
import nextConfig from "../next.config";
import { addCompileHints } from "./lib/compile-hints";

const distDir = nextConfig.distDir ?? ".next";

function main(): void {
  if (nextConfig.output === "export") {
    console.warn('compile hints: skipped, `output: "export"` writes out/ during next build, before this step.');
    return;
  }
  const { hinted, alreadyHinted, missing, skipped } = addCompileHints(process.cwd(), distDir);
  if (skipped) return console.warn(`compile hints: skipped, ${skipped}.`);
  for (const chunk of missing) console.warn(`compile hints: ${chunk} is named by the build's manifests but missing`);
  if (hinted.length + alreadyHinted.length === 0) {
    return console.warn(`compile hints: no startup chunks found in ${distDir}; did \`next build\` run?`);
  }
  console.log(
    `compile hints: ${hinted.length} startup chunk(s) marked for eager compilation` +
      (alreadyHinted.length ? `, ${alreadyHinted.length} already were` : ""),
  );
}

try {
  main();
} catch (error) {
  console.warn(`compile hints: skipped after an error: ${error instanceof Error ? error.message : String(error)}`);
}
