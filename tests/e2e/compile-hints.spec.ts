import { expect, test } from "./fixtures";

// `npm run build` marks the chunks a page runs at startup with V8's compile hint (scripts/lib/compile-hints.ts),
// so Chromium compiles them off the main thread while they download. This checks what the browser gets.
const HINT = "//# allFunctionsCalledOnLoad";

test("every script a page starts with, preloaded or not, is served with the compile hint on its first line", async ({
  page,
}) => {
  for (const path of ["/", "/signin"]) {
    const html = await (await page.request.get(path)).text();
    // The noModule polyfills are only for browsers too old to read the hint.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((match) => match[1] ?? "")
      .filter((attributes) => !/\snoModule/i.test(attributes))
      .map((attributes) => /\ssrc="([^"]+)"/.exec(attributes)?.[1]);
    const preloads = [...html.matchAll(/<link\b(?=[^>]*\bas="script")[^>]*\shref="([^"]+)"/g)].map((match) => match[1]);
    const sources = [...new Set([...scripts, ...preloads])].filter((src): src is string => Boolean(src));
    expect(sources.length, `${path} loads the framework's chunks`).toBeGreaterThanOrEqual(4);
    for (const src of sources) {
      const script = await page.request.get(src);
      expect(script.status(), src).toBe(200);
      expect((await script.text()).startsWith(`${HINT}\n`), `${src} starts with the hint`).toBe(true);
    }
  }
});
