import type { Page } from "@playwright/test";
import { EMULATOR_DEVELOPER_EMAIL, EMULATOR_DEVELOPER_PASSWORD } from "../../config/emulator-defaults";
import { AstraModule, DEMO_PHONE, expect, expectNoAxeViolations, test } from "./fixtures";
import { EMULATOR_URL } from "./ports";

// Every page, checked with axe in the state a person sees it, in the light and the dark scheme (both follow
// the system): public pages signed out, the rest with data, and the emulator's own pages on the way.

/**
 * Tabs through the first `count` stops and checks each shows a focus outline at least 2 px wide whose colour
 * stands 3:1 against what surrounds it (WCAG 2.4.11), in whichever scheme the page is in.
 */
async function expectVisibleFocus(page: Page, what: string, count = 12) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let stop = 0; stop < count; stop++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const element = document.activeElement;
      // Past the last stop the browser's own UI has focus; on a date field's calendar button focus sits inside
      // the field's built-in parts (the field no longer matches :focus) and the browser draws that ring itself.
      if (!element || element === document.body || !element.matches(":focus")) return null;
      // Colours come back as oklch() from Tailwind's palette: a canvas pixel turns any of them into sRGB.
      const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
      const rgba = (colour: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = colour;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data];
      };
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const [R, G, B] = [r, g, b].map((v) =>
          v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4,
        );
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      // The outline sits just outside the element (outline-offset), on the nearest opaque background around it.
      let behind = [255, 255, 255, 255];
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const background = rgba(getComputedStyle(parent).backgroundColor);
        if (background[3] === 255) {
          behind = background;
          break;
        }
      }
      const style = getComputedStyle(element);
      const [a, b] = [luminance(rgba(style.outlineColor)), luminance(behind)];
      return {
        name: `${element.tagName.toLowerCase()} ${element.getAttribute("name") ?? ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      };
    });
    if (!ring) continue;
    const where = `${what}, focus on ${ring.name}`;
    expect(ring.style, where).not.toBe("none");
    expect(ring.width, where).toBeGreaterThanOrEqual(2);
    expect(ring.contrast, where).toBeGreaterThanOrEqual(3);
  }
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, { tag: "@emulator-only" }, () => {
    test.use({ colorScheme });
    // Long walks with an axe run per page: give them the time a busy machine needs.
    test.slow();

    test("every page passes axe's accessibility checks, the module's sign-in pages too", async ({ page }) => {
      for (const path of ["/", "/signin", "/test-user", "/no-such-page"]) {
        await page.goto(path);
        await expect(page.locator("main")).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await expectVisibleFocus(page, "/no-such-page");

      await page.goto("/");
      await expectVisibleFocus(page, "/");
      await page.getByRole("button", { name: /sign in with astra/i }).click();
      const astra = new AstraModule(page);
      await expect(page.getByLabel("Mobile number")).toBeVisible();
      await expectNoAxeViolations(page);
      await expectVisibleFocus(page, "the module's phone page", 4);
      await astra.enterPhone(DEMO_PHONE);
      await expect(page.getByLabel("Verification code")).toBeVisible();
      await expectNoAxeViolations(page);
      await astra.enterCode();
      await expect(page.getByRole("button", { name: "Authorize" })).toBeVisible();
      await expectNoAxeViolations(page);
      await astra.authorize();
      await expect(page).toHaveURL(/\/dashboard$/);

      await page.goto("/routines/new");
      await page.getByLabel("Recurring transfer").check();
      await page.getByLabel("Name").fill("Accessible savings");
      await page.getByLabel("Amount (USD)").fill("15");
      await expectNoAxeViolations(page);
      await expectVisibleFocus(page, "/routines/new", 16);
      await page.getByRole("button", { name: "Review" }).click();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Confirm and create" }).click();
      await expect(page.getByRole("heading", { name: "Accessible savings" })).toBeVisible();
      await expectNoAxeViolations(page);

      for (const path of ["/dashboard", "/routines", "/transfers"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await expectVisibleFocus(page, "/transfers");
      await page.goto("/dashboard");
      await page.getByRole("link", { name: "Everyday Checking" }).click();
      await expect(page.getByRole("heading", { name: "Everyday Checking", level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("the emulator's bank linking and dashboard pages pass axe's checks", async ({ page, signIn }) => {
      await page.goto("/");
      await signIn.asDemoUser();
      await page.getByRole("link", { name: "Link a bank account" }).click();
      await expect(page).toHaveURL(/\/institutions\/connect/);
      if (await page.getByLabel("Mobile number").isVisible()) {
        await signIn.module.enterPhone(DEMO_PHONE);
        await signIn.module.enterCode();
      }
      await expect(page.getByRole("radio", { name: /Harbor National Bank/ })).toBeVisible();
      await expectNoAxeViolations(page);
      await expectVisibleFocus(page, "the module's bank list", 4);
      await page.getByRole("radio", { name: /Harbor National Bank/ }).check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByLabel("Username").fill("user_good");
      await page.getByLabel("Password").fill("wrong");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("The username or password is incorrect")).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel("Password").fill("pass_good");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Choose accounts to link" })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto(`${EMULATOR_URL}/dashboard`);
      await page.getByLabel("Email").fill(EMULATOR_DEVELOPER_EMAIL);
      await page.getByLabel("Password").fill(EMULATOR_DEVELOPER_PASSWORD);
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByRole("heading", { name: "Your applications" })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("table").getByRole("link").first().click();
      await expectNoAxeViolations(page);
      await expectVisibleFocus(page, "the dashboard's settings");
      const tabs = page.getByRole("navigation", { name: "Application" });
      for (const tab of ["Link generator", "Users", "Webhooks"]) {
        await tabs.getByRole("link", { name: tab }).click();
        await expect(tabs.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
        await expectNoAxeViolations(page);
      }
    });
  });
}
