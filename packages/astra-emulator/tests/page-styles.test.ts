import { beforeEach, describe, expect, it } from "vitest";
import { authorizeUrl, createTestEmulator, type TestEmulator } from "./helpers";

// The emulator's pages follow the system's light or dark scheme through one set of colour tokens: a rule that
// names a colour of its own would stay light in dark mode (white cards on a dark page, dark text on dark).

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

async function stylesheetOf(path: string): Promise<string> {
  const html = await (await sandbox.app.request(path)).text();
  const css = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1];
  expect(css, path).toBeDefined();
  return css ?? "";
}

/** The stylesheet without its `:root { … }` token blocks, which are the only place colours are written. */
const withoutTokens = (css: string) => css.replace(/:root\s*\{[^}]*\}/g, "");

describe.each([
  ["the module's phone page", authorizeUrl()],
  ["the dashboard's login page", "/dashboard/login"],
])("%s", (_name, path) => {
  it("has light and dark colour tokens, and no rule names a colour outside them", async () => {
    const css = await stylesheetOf(path);
    expect(css).toMatch(/:root\s*\{\s*color-scheme:\s*light;/);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{\s*color-scheme:\s*dark;/);
    expect(withoutTokens(css)).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
  });

  it("draws a focus ring from the focus token", async () => {
    expect(await stylesheetOf(path)).toContain(":focus-visible { outline: 3px solid var(--focus);");
  });
});

describe("the dashboard's stylesheet", () => {
  it("hides the app switcher's disclosure triangle and keeps ids and phones on one line", async () => {
    const css = await stylesheetOf("/dashboard/login");
    expect(css).toMatch(/details\.switcher summary \{[^}]*list-style: none/);
    expect(css).toContain("details.switcher summary::-webkit-details-marker { display: none; }");
    expect(css).toMatch(/td code, td\.mono, \.nowrap, \.nowrap code \{ white-space: nowrap;/);
  });
});
