import { expect, test } from "./fixtures";

test.describe("Create a test user", () => {
  test(
    "the form creates a user intent and signs the new person in",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      await page.goto("/");
      await page.getByRole("link", { name: "Create a test user" }).click();
      await expect(page.getByRole("heading", { name: "Create a test user" })).toBeVisible();

      await page.getByRole("button", { name: "Fill with sample data" }).click();
      await page.getByLabel("First name").fill("Sam");
      await page.getByLabel("Last name").fill("Tester");
      await page.getByLabel("Mobile phone").fill("(202) 555-0177");
      await page.getByRole("button", { name: "Create test user and sign in" }).click();

      // Astra's module, with the phone prefilled and locked from the intent.
      await expect(page).toHaveURL(/\/login\/oauth\/authorize/);
      const phone = page.getByLabel("Mobile number");
      await expect(phone).toHaveValue(/2025550177/);
      await page.getByRole("button", { name: "Send code" }).click();
      await signIn.module.enterCode();
      await signIn.module.authorize();

      await expect(page.getByRole("heading", { name: "Hello, Sam" })).toBeVisible();
      await expect(page.getByTestId("signed-in-user")).toHaveText("Sam Tester");
      await expect(page.getByText("No bank accounts linked yet")).toBeVisible();
    },
  );

  test(
    "the emulator's KYC outcome choice reaches Astra's module: a rejected person cannot authorize",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      await page.goto("/test-user");
      await page.getByRole("button", { name: "Fill with sample data" }).click();
      await page.getByLabel("Mobile phone").fill("(202) 555-0178");
      await page.getByLabel("KYC outcome (emulator)").selectOption({ label: "Rejected" });
      await page.getByRole("button", { name: "Create test user and sign in" }).click();

      await expect(page).toHaveURL(/\/login\/oauth\/authorize/);
      await page.getByRole("button", { name: "Send code" }).click();
      await signIn.module.enterCode();
      await expect(page.getByText("This Astra account is rejected, so it cannot authorize apps.")).toBeVisible();
    },
  );

  test("invalid details show by each field and keep what was typed", async ({ page }) => {
    await page.goto("/test-user");
    await page.getByRole("button", { name: "Fill with sample data" }).click();
    await page.getByLabel("First name").fill("Kept");
    await page.getByLabel("Mobile phone").fill("555");
    await page.getByLabel("ZIP code").fill("9410");
    await page.getByRole("button", { name: "Create test user and sign in" }).click();

    await expect(page.getByText("Enter a 10-digit US phone number, like 2025550142.")).toBeVisible();
    await expect(page.getByText("Enter a 5-digit ZIP code.")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue("Kept");
    await expect(page.getByLabel("ZIP code")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/test-user$/);
  });
});
