import { expect, expectNoAxeViolations, test } from "./fixtures";

// Every page, checked with axe in the state a person sees it: public pages signed out, the rest with data.
test("every page passes axe's accessibility checks", { tag: "@emulator-only" }, async ({ page, signIn }) => {
  for (const path of ["/", "/signin", "/test-user", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expectNoAxeViolations(page);
  }

  await page.goto("/");
  await signIn.asDemoUser();
  await page.goto("/routines/new");
  await page.getByLabel("Recurring transfer").check();
  await page.getByLabel("Name").fill("Accessible savings");
  await page.getByLabel("Amount (USD)").fill("15");
  await expectNoAxeViolations(page);
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
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Everyday Checking" }).click();
  await expect(page.getByRole("heading", { name: "Everyday Checking", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});
