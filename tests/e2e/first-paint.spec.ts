import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Lighthouse's slow 4G: the font, the scripts and the streamed sections all arrive well after the first paint.
const SLOW_PHONE_NETWORK = { offline: false, latency: 562, downloadThroughput: 184_000, uploadThroughput: 84_000 };

/** Opens `path` in a fresh tab on a slow network with nothing cached; returns the layout shifts it recorded. */
async function layoutShiftsOf(page: Page, path: string) {
  const tab = await page.context().newPage();
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_PHONE_NETWORK);
  await tab.addInitScript(() => {
    const shifts: string[] = [];
    Object.assign(window, { layoutShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[])
        shifts.push(`${entry.value.toFixed(3)} ${entry.sources.map((source) => source.node?.nodeName).join(",")}`);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await tab.goto(path, { waitUntil: "load" });
  await tab.waitForTimeout(1_500);
  const shifts = await tab.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
  await tab.close();
  return shifts;
}

test("on a slow phone network a page paints once and nothing moves while the rest arrives", async ({
  page,
  signIn,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  expect(await layoutShiftsOf(page, "/"), "/ signed out").toEqual([]);
  await page.goto("/");
  await signIn.asDemoUser();
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ["/dashboard", "/routines", "/transfers", "/profile"]) {
    expect(await layoutShiftsOf(page, path), path).toEqual([]);
  }
});

test("once cached, pages are set in the web font", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => document.fonts.ready);
  await page.reload();
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
  await cdp.send("CSS.enable");
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  expect(fonts.map((font) => font.familyName)).toContain("Geist");
});
