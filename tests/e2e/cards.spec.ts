import type { Page } from "@playwright/test";
import { expect, test, type AstraModule } from "./fixtures";

const CARD = "Visa debit •••• 0002";

/** Dashboard → "Link a debit card" → the module's card page → back on the dashboard with the card listed. */
async function linkCard(page: Page, module: AstraModule, { number = "4000 0000 0000 0002", linked = 1 } = {}) {
  await page.getByRole("link", { name: "Link a debit card" }).first().click();
  await expect(page).toHaveURL(/\/cards\/connect/);
  if (await page.getByLabel("Mobile number").isVisible()) {
    await module.enterPhone("2025550123");
    await module.enterCode();
  }
  await expect(page.getByRole("heading", { name: "Link a debit card" })).toBeVisible();
  await page.getByLabel("Card number").fill("4111 1111 1111 1111");
  await page.getByLabel("Expiry (MM/YY)").fill("08/39");
  await page.getByLabel("Security code").fill("123");
  await page.getByLabel("Billing ZIP code").fill("94105");
  await page.getByRole("button", { name: "Link card" }).click();
  await expect(page.getByText("only Astra's test BINs link")).toBeVisible();
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Link card" }).click();
  await expect(page.getByRole("heading", { name: "Debit card linked" })).toBeVisible();
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page.getByRole("list", { name: "Debit cards" }).getByRole("listitem")).toHaveCount(linked);
}

async function fillCardRoutine(page: Page) {
  await page.goto("/routines/new");
  await page.getByLabel("Name").fill("Card top-up");
  await page.getByLabel("From").selectOption({ label: CARD });
  await page.getByLabel("To").selectOption({ label: "Everyday Checking •••• 4417" });
  await page.getByLabel("Amount (USD)").fill("40");
  await page.getByRole("button", { name: "Review" }).click();
}

test.describe("Debit cards", () => {
  // Each test walks the module twice (sign-in, then card linking): more than the default 30 s on a busy machine.
  test.slow();

  test.beforeEach(async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test(
    "link a card through Astra's module, see it, and remove it",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      await expect(page.getByText("No debit cards linked.")).toBeVisible();
      await linkCard(page, signIn.module);
      await expect(page.getByRole("heading", { name: CARD })).toBeVisible();

      const confirm = page.getByRole("dialog", { name: `Remove ${CARD}?` });
      await page.getByRole("button", { name: `Remove ${CARD}` }).click();
      await expect(confirm).toBeVisible();
      await confirm.getByRole("button", { name: "Keep card" }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByRole("heading", { name: CARD })).toBeVisible();
      await page.getByRole("button", { name: `Remove ${CARD}` }).click();
      await confirm.getByRole("button", { name: "Yes, remove card" }).click();
      await expect(page.getByText("No debit cards linked.")).toBeVisible();
    },
  );

  test(
    "a routine from a card: Astra's refusal while the client is not enabled, then its fee once it is",
    { tag: "@emulator-only" },
    async ({ page, signIn, emulator }) => {
      await emulator.sandboxSettings({ debit_enabled: false });
      await linkCard(page, signIn.module);
      await fillCardRoutine(page);
      await expect(page.getByText('This client is not enabled for payment_type "debit"')).toBeVisible();
      await expect(page.getByRole("button", { name: "Confirm and create" })).toBeDisabled();

      await emulator.sandboxSettings({ debit_enabled: true });
      await fillCardRoutine(page);
      await expect(page.getByTestId("routine-fee")).toHaveText("Card fee (1.5%): $0.60. Total: $40.60.");
      await page.getByRole("button", { name: "Confirm and create" }).click();
      await expect(page.getByRole("heading", { name: "Card top-up" })).toBeVisible();
      await expect(page.getByText("Routine created.")).toBeVisible();
      await expect(page.getByText(CARD).first()).toBeVisible();

      await page.goto("/routines");
      const row = page.getByRole("list", { name: "Routines" }).getByRole("listitem").filter({ hasText: "Card top-up" });
      await expect(row).toContainText(`${CARD} → Everyday Checking •••• 4417`);
    },
  );

  test(
    "a card to another card is refused by the To field before anything is created",
    { tag: "@emulator-only" },
    async ({ page, signIn, emulator }) => {
      await emulator.sandboxSettings({ debit_enabled: true });
      await linkCard(page, signIn.module);
      await linkCard(page, signIn.module, { number: "4000 2200 0000 0014", linked: 2 });
      await page.goto("/routines/new");
      await page.getByLabel("Name").fill("Card to card");
      await page.getByLabel("From").selectOption({ label: CARD });
      await page.getByLabel("To", { exact: true }).selectOption({ label: "Visa debit •••• 0014" });
      await page.getByLabel("Amount (USD)").fill("40");
      await page.getByRole("button", { name: "Review" }).click();
      await expect(page.getByText("Some details need fixing; see the messages by each field.")).toBeVisible();
      await expect(page.getByLabel("To", { exact: true })).toHaveAccessibleDescription(
        /a debit card pays into or from an account, not another card/,
      );
      await expect(page.getByRole("button", { name: "Confirm and create" })).toBeDisabled();
    },
  );
});
