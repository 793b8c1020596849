import { expect, SignInFlow, test } from "./fixtures";

test.describe("Dashboard states", () => {
  test(
    "a new sandbox user with no linked accounts sees the empty state",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      // A fresh test number: the module collects a profile and creates an approved user without accounts.
      const phone = "2025550150";
      await page.goto("/");
      await signIn.start();
      await signIn.module.enterPhone(phone);
      await signIn.module.enterCode();
      await signIn.module.completeProfile({
        firstName: "Robin",
        lastName: "Newcomer",
        email: `robin.${phone}@example.com`,
      });
      await signIn.module.authorize();

      await expect(page.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();
      await expect(page.getByText("No bank accounts linked yet")).toBeVisible();
      await expect(page.getByRole("list", { name: "Bank accounts" })).toHaveCount(0);
    },
  );

  test(
    "a token revoked by a newer sign-in is refreshed without the user noticing",
    { tag: "@emulator-only" },
    async ({ page, browser, signIn }) => {
      await page.goto("/");
      await signIn.asDemoUser();
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();

      // Signing in again elsewhere issues a new token; Astra keeps one valid token per user, so ours is revoked.
      const otherContext = await browser.newContext();
      const otherPage = await otherContext.newPage();
      await otherPage.goto("/");
      await new SignInFlow(otherPage).asDemoUser();
      await expect(otherPage).toHaveURL(/\/dashboard$/);
      await otherContext.close();

      // The page's 401 leads to one refresh of the tokens and back: no error, no sign-in.
      await page.reload();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "authorization" })).toHaveCount(0);
    },
  );
});
