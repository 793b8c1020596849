// Keyboard-only driving for e2e: move focus with Tab until it reaches a control, and check focus can be seen.
import { expect, type Page } from "@playwright/test";

type Focused = { name: string; outline: string; shadow: string };

/** The focused element's name as a person hears it (aria-label, its label, or its text) and how focus shows. */
function readFocused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const input = element as HTMLInputElement;
    const name =
      element.getAttribute("aria-label") ?? input.labels?.[0]?.textContent ?? element.textContent ?? input.value ?? "";
    const style = getComputedStyle(element);
    return {
      name: name.replace(/\s+/g, " ").trim(),
      outline: style.outlineStyle === "none" ? "" : style.outlineWidth,
      shadow: style.boxShadow === "none" ? "" : style.boxShadow,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused control's name matches; fails naming what it passed. */
export async function tabTo(page: Page, name: RegExp, { backwards = false, limit = 80 } = {}): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const focused = await readFocused(page);
    if (focused && name.test(focused.name)) return;
    passed.push(focused?.name ?? "(page)");
  }
  throw new Error(`Tab never reached ${name} on ${page.url()}; it passed: ${passed.join(" | ")}`);
}

/** The focused element draws an outline or a ring, so a keyboard user can see where they are. */
export async function expectFocusVisible(page: Page): Promise<void> {
  const focused = await readFocused(page);
  expect(focused, "something has focus").not.toBeNull();
  const outlinePx = Number.parseFloat(focused!.outline || "0");
  expect(outlinePx > 0 || focused!.shadow !== "", `focus on "${focused!.name}" is visible`).toBe(true);
}
