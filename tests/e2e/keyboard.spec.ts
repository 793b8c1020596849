import { DEMO_PHONE, SANDBOX_CODE, expect, test } from "./fixtures";
import { expectFocusVisible, tabTo } from "./keyboard";

// The whole path a person takes, with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to press,
// arrow keys inside radio groups and selects, typing into fields. No clicks and no fills.
test(
  "sign in, create a routine, pause and cancel it with the keyboard alone",
  { tag: "@emulator-only" },
  async ({ page }) => {
    await page.goto("/");
    await tabTo(page, /^Sign in with Astra$/);
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");

    // The emulator's module pages.
    await expect(page).toHaveURL(/\/login\/oauth\/authorize/);
    await tabTo(page, /^Mobile number/);
    await expectFocusVisible(page);
    await page.keyboard.type(DEMO_PHONE);
    await tabTo(page, /^Send code$/);
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Verification code")).toBeVisible();
    await tabTo(page, /^Verification code/);
    await page.keyboard.type(SANDBOX_CODE);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Authorize" })).toBeVisible();
    await tabTo(page, /^Authorize$/);
    await expectFocusVisible(page);
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/\/dashboard$/);

    // Through the navigation to the form.
    await tabTo(page, /^Routines$/);
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Routines", level: 1 })).toBeVisible();
    await tabTo(page, /^New routine$/);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "New routine" })).toBeVisible();

    // The kind of routine is a radio group: Tab lands on the chosen one, an arrow key moves the choice.
    await tabTo(page, /^One-time transfer$/);
    await expectFocusVisible(page);
    await page.keyboard.press("ArrowRight");
    await expect(page.getByLabel("Recurring transfer")).toBeChecked();
    await tabTo(page, /^Name$/);
    await expectFocusVisible(page);
    await page.keyboard.type("Keyboard savings");
    await tabTo(page, /^Amount \(USD\)$/);
    await page.keyboard.type("15");
    await tabTo(page, /^Repeats$/);
    await expectFocusVisible(page);
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Repeats")).not.toHaveValue("weekly");
    // Back up with Shift+Tab and forward again: nothing on the form holds focus.
    await tabTo(page, /^Name$/, { backwards: true });
    await tabTo(page, /^Review$/);
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");

    // Review hands focus to the confirm button, which Enter presses.
    const confirm = page.getByRole("button", { name: "Confirm and create" });
    await expect(confirm).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Keyboard savings" })).toBeVisible();
    await expect(page.getByText("Routine created.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

    await tabTo(page, /^Pause$/);
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /^Status: Paused/ })).toBeVisible();

    await tabTo(page, /^Cancel routine$/);
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");
    // The confirmation opens on its safe choice; Tab reaches the other.
    const dialog = page.getByRole("dialog", { name: "Cancel this routine?" });
    await expect(dialog.getByRole("button", { name: "Keep routine" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Yes, cancel routine" })).toBeFocused();
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/routines\?cancelled=/);
    await expect(page.getByText("Routine cancelled.")).toBeVisible();
  },
);
