import type { Page } from "@playwright/test";
import { AstraModule, DEMO_PHONE, expect, test } from "./fixtures";
import { confirm, fillRoutine, openNewRoutine } from "./routine-form";

// The smallest phones in common use are 360 px wide: every page must fit without scrolling sideways, tables
// and lists included (they stack into labelled rows instead).
const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

/** Fails with the elements that stick out, so a failure says what to fix. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, culprits } = await page.evaluate((width) => {
    // What sticks out of the page itself; content inside a box that scrolls or clips on its own is fine,
    // unless it is positioned out of that box (an sr-only label in a scrolled table does that).
    const clipped = (element: Element) => {
      if (["absolute", "fixed"].includes(getComputedStyle(element).position)) return false;
      for (let parent = element.parentElement; parent; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      return false;
    };
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !clipped(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120));
    return { scrollWidth: document.documentElement.scrollWidth, culprits: wide };
  }, WIDTH);
  expect(scrollWidth, `${what} is ${scrollWidth} px wide: ${culprits.join(" | ")}`).toBeLessThanOrEqual(WIDTH);
}

test("every page fits a 360 px screen", { tag: "@emulator-only" }, async ({ page }) => {
  for (const path of ["/", "/signin", "/test-user"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }

  // Through Astra's module pages as a phone shows them.
  await page.goto("/");
  await page.getByRole("button", { name: /sign in with astra/i }).click();
  const astra = new AstraModule(page);
  await expect(page.getByLabel("Mobile number")).toBeVisible();
  await expectNoSidewaysScroll(page, "the module's phone page");
  await astra.enterPhone(DEMO_PHONE);
  await expect(page.getByLabel("Verification code")).toBeVisible();
  await expectNoSidewaysScroll(page, "the module's code page");
  await astra.enterCode();
  await expect(page.getByRole("button", { name: "Authorize" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the module's consent page");
  await astra.authorize();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Data in every list: a one-time routine makes a transfer at once, a recurring one has next runs.
  await openNewRoutine(page);
  await expectNoSidewaysScroll(page, "/routines/new");
  await fillRoutine(page, { name: "A rather long routine name for a narrow phone", amount: "1234.56" });
  await page.getByRole("button", { name: "Review" }).click();
  await expectNoSidewaysScroll(page, "the routine form's review");
  await page.getByRole("button", { name: "Confirm and create" }).click();
  await expect(page.getByRole("heading", { name: "A rather long routine name for a narrow phone" })).toBeVisible();
  await expectNoSidewaysScroll(page, "a one-time routine's page");
  await openNewRoutine(page);
  await fillRoutine(page, { type: "recurring", name: "Weekly", amount: "25", frequency: "Every week" });
  await confirm(page);
  await expect(page.getByRole("heading", { name: "Weekly" })).toBeVisible();
  await expectNoSidewaysScroll(page, "a recurring routine's page");

  for (const path of ["/dashboard", "/routines", "/profile", "/transfers"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
  await expect(page.getByTestId("transfer-row").first()).toBeVisible();
  // Stacked into cards, the transfers are still a table with headers in Chromium's own accessibility tree.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const roles = nodes.map((node) => String(node.role?.value));
  expect(roles).toContain("table");
  expect(roles.filter((role) => role === "columnheader")).toHaveLength(6);
  expect(roles).toContain("cell");

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Everyday Checking" }).click();
  await expect(page.getByRole("heading", { name: "Everyday Checking", level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, "an account's page");

  await page.getByRole("button", { name: "Developer tools" }).click();
  await expect(page.getByTestId("dev-tools").getByRole("heading", { name: /Developer tools/ })).toBeVisible();
  await expectNoSidewaysScroll(page, "the open developer tools");
});
