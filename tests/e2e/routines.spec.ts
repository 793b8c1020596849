import { expect, test } from "./fixtures";
import { confirm, fillRoutine, openNewRoutine } from "./routine-form";

test.describe("Routines", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test(
    "a one-time and a recurring routine are created, listed and explained",
    { tag: "@emulator-only" },
    async ({ page }) => {
      await openNewRoutine(page);
      await fillRoutine(page, { name: "Rent top-up", amount: "40" });
      await page.getByRole("button", { name: "Review" }).click();
      await expect(page.getByTestId("routine-summary")).toHaveText(
        /^Move \$40\.00 from Everyday Checking •••• 4417 to High-Yield Savings •••• 9021 once, on /,
      );
      await page.getByRole("button", { name: "Confirm and create" }).click();
      await expect(page.getByRole("heading", { name: "Rent top-up" })).toBeVisible();
      await expect(page.getByText("Routine created.")).toBeVisible();

      await openNewRoutine(page);
      await fillRoutine(page, { type: "recurring", name: "Weekly savings", amount: "25.50", frequency: "Every week" });
      await expect(page.getByTestId("schedule-preview").getByRole("listitem")).toHaveCount(5);
      await confirm(page);
      await expect(page.getByRole("heading", { name: "Weekly savings" })).toBeVisible();
      await expect(page.getByTestId("status-explanation")).toHaveText("Transfers will run on their scheduled dates.");

      await page.getByRole("link", { name: "Routines", exact: true }).first().click();
      const nav = page.getByRole("navigation", { name: "Account" });
      await expect(nav.getByRole("link", { name: "Routines" })).toHaveAttribute("aria-current", "page");
      await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
      const list = page.getByRole("list", { name: "Routines" });
      await expect(list.getByRole("listitem")).toHaveCount(2);
      await expect(list).toContainText("Rent top-up");
      const weekly = list.getByRole("listitem").filter({ hasText: "Weekly savings" });
      await expect(weekly).toContainText("Everyday Checking •••• 4417 → High-Yield Savings •••• 9021");
      await expect(weekly).toContainText(/Every week · next \w{3}, \w{3} \d{1,2}, \d{4}/);
      await expect(weekly).toContainText("$25.50");
    },
  );

  test(
    "transfers appear and settle on the open page as the emulator's clock moves",
    { tag: "@emulator-only" },
    async ({ page, emulator }) => {
      await openNewRoutine(page);
      await fillRoutine(page, { name: "Move it now", amount: "12" });
      await confirm(page);
      await expect(page.getByRole("heading", { name: "Move it now" })).toBeVisible();
      await openNewRoutine(page);
      await fillRoutine(page, { type: "recurring", name: "Every week", amount: "3", frequency: "Every week" });
      await confirm(page);
      await expect(page.getByRole("heading", { name: "Every week" })).toBeVisible();

      await page.goto("/transfers");
      const rows = page.getByTestId("transfer-row");
      const oneTime = rows.filter({ hasText: "Move it now" });
      await expect(oneTime).toContainText("Pending");
      await expect(oneTime).toContainText("$12.00");
      await expect(rows.filter({ hasText: "Every week" })).toHaveCount(1);

      await emulator.advanceClock(7);
      // No reload: the webhook relay and SWR's polling of pending transfers update the open page.
      await expect(oneTime).toContainText("Completed", { timeout: 15_000 });
      await expect(oneTime.getByRole("button", { name: "Cancel" })).toHaveCount(0);
      await expect(rows.filter({ hasText: "Every week" })).toHaveCount(2, { timeout: 15_000 });

      // The emulator delivered its signed webhooks to the app, which accepted them.
      const log = await emulator.webhooks();
      const delivered = (log.webhooks ?? []) as { webhook_type: string; state: string }[];
      expect(delivered.some((w) => w.webhook_type === "transfer_updated" && w.state === "delivered")).toBe(true);
    },
  );

  test("pause, resume and cancel a recurring routine", { tag: "@emulator-only" }, async ({ page }) => {
    await openNewRoutine(page);
    await fillRoutine(page, { type: "recurring", name: "Monthly buffer", amount: "100", frequency: "Every month" });
    await page.getByLabel("First transfer on").fill(nextWeek());
    await confirm(page);
    await expect(page.getByRole("heading", { name: "Monthly buffer" })).toBeVisible();

    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByRole("heading", { name: "Status: Paused" })).toBeVisible();

    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("heading", { name: "Status: Active" })).toBeVisible();

    // Astra's DELETE removes a recurring routine: the app returns to the list, where it no longer appears.
    await page.getByRole("button", { name: "Cancel routine" }).click();
    await page
      .getByRole("dialog", { name: "Cancel this routine?" })
      .getByRole("button", { name: "Keep routine" })
      .click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Status: Active" })).toBeVisible();
    await page.getByRole("button", { name: "Cancel routine" }).click();
    await page
      .getByRole("dialog", { name: "Cancel this routine?" })
      .getByRole("button", { name: "Yes, cancel routine" })
      .click();
    await expect(page).toHaveURL(/\/routines\?cancelled=1$/);
    // The list's loading skeleton is a status too, until the routines stream in.
    await expect(page.getByRole("status").filter({ hasText: "Routine cancelled" })).toHaveText(
      /Routine cancelled\. No more transfers will be made/,
    );
    await expect(page.getByText("Monthly buffer")).toHaveCount(0);
  });

  test(
    "a one-time routine is stopped by cancelling its pending transfer",
    { tag: "@emulator-only" },
    async ({ page }) => {
      await openNewRoutine(page);
      await fillRoutine(page, { name: "Oops transfer", amount: "9.99" });
      await confirm(page);
      await page.getByRole("button", { name: "Cancel", exact: true }).click();
      // The server action's answer, before the reload could abort it.
      const answered = page.waitForResponse((response) => response.request().method() === "POST");
      await page
        .getByRole("dialog", { name: "Cancel this transfer?" })
        .getByRole("button", { name: "Yes, cancel transfer" })
        .click();
      await answered;
      await page.reload();
      await expect(page.getByRole("heading", { name: "Status: Cancelled" })).toBeVisible();
    },
  );

  test("each validation error shows its message and creates nothing", { tag: "@emulator-only" }, async ({ page }) => {
    await openNewRoutine(page);
    const amount = page.getByLabel("Amount (USD)");
    const review = page.getByRole("button", { name: "Review" });
    await page.getByLabel("Name").fill("Bad input");

    for (const [value, message] of [
      ["", "Enter an amount."],
      ["0", "Enter an amount more than $0."],
      ["-5", "Enter an amount more than $0."],
      ["12.345", "Use at most 2 decimal places, like 25.50."],
      ["twelve", "Enter the amount as a number, like 25.00."],
    ] as const) {
      await amount.fill(value);
      await review.click();
      await expect(page.getByText(message)).toBeVisible();
      await expect(page.getByRole("button", { name: "Confirm and create" })).toHaveCount(0);
    }

    // A date in the past, or none, is caught before review.
    await amount.fill("10");
    await page.getByLabel("Transfer on").fill("2020-01-01");
    await review.click();
    await expect(page.getByText("Choose today or a later date (Pacific time).")).toBeVisible();
    await page.getByLabel("Transfer on").fill("");
    await review.click();
    await expect(page.getByText("Choose today or a later date (Pacific time).")).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirm and create" })).toHaveCount(0);

    // The server checks too: an empty name and the same account twice (forced past the form's own guard).
    await page.getByLabel("Recurring transfer").check();
    await page.getByLabel("First transfer on").fill(nextWeek());
    await page.getByLabel("Repeats").selectOption({ label: "Every month" });
    await page.getByLabel("Name").fill("");
    await page
      .locator("#destination_id option")
      .evaluateAll((options) => options.forEach((o) => ((o as HTMLOptionElement).disabled = false)));
    await page.getByLabel("To", { exact: true }).selectOption({ index: 0 });
    await confirm(page);
    await expect(page.getByText("Give the routine a name.")).toBeVisible();
    await expect(page.getByText("Choose a different account from the one the money comes from.")).toBeVisible();
    // The form still shows what was chosen, not its initial values.
    await expect(page.getByLabel("Recurring transfer")).toBeChecked();
    await expect(page.getByLabel("Repeats")).toHaveValue("monthly");
    await expect(page.getByLabel("To", { exact: true })).toHaveValue(await page.getByLabel("From").inputValue());
    await expect(amount).toHaveValue("10");

    await page.goto("/routines");
    await expect(page.getByText("No routines yet")).toBeVisible();
  });

  test("a double-submitted form creates exactly one routine", { tag: "@emulator-only" }, async ({ page }) => {
    await openNewRoutine(page);
    await fillRoutine(page, { name: "Only once", amount: "5" });
    await page.getByRole("button", { name: "Review" }).click();
    const submit = page.getByRole("button", { name: "Confirm and create" });
    // Two submissions of the same rendered form, as a double click or a resubmit would send them.
    await submit.evaluate((button) => {
      const form = (button as HTMLButtonElement).form!;
      form.requestSubmit(button as HTMLButtonElement);
      form.requestSubmit(button as HTMLButtonElement);
    });
    await expect(page.getByRole("heading", { name: "Only once" })).toBeVisible();

    await page.goto("/routines");
    await expect(page.getByRole("list", { name: "Routines" }).getByRole("listitem")).toHaveCount(1);
  });

  test("an unknown routine or account id shows the not-found page", async ({ page }) => {
    for (const path of ["/routines/no-such-routine", "/accounts/no-such-account"]) {
      // The page streams behind its loading skeleton, so the status is already 200 when Astra answers 404.
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    }
  });

  test("link a bank account through Astra's module", { tag: "@emulator-only" }, async ({ page, signIn }) => {
    await page.getByRole("link", { name: "Link a bank account" }).click();
    await expect(page).toHaveURL(/\/institutions\/connect/);
    // The module asks who you are unless its own login cookie says so.
    if (await page.getByLabel("Mobile number").isVisible()) {
      await signIn.module.enterPhone("2025550123");
      await signIn.module.enterCode();
    }
    await page.getByRole("radio", { name: /Harbor National Bank/ }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Username").fill("user_good");
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The username or password is incorrect")).toBeVisible();
    await page.getByLabel("Password").fill("pass_good");
    await page.getByRole("button", { name: "Sign in" }).click();
    const accounts = page.getByRole("checkbox");
    for (const box of await accounts.all()) await box.uncheck();
    await accounts.first().check();
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.getByRole("heading", { name: "1 bank account linked" })).toBeVisible();
    await page.getByRole("link", { name: "Go to your dashboard" }).click();
    await expect(page.getByRole("list", { name: "Bank accounts" }).getByRole("listitem")).toHaveCount(3);
    await expect(page.getByText("Harbor National Bank").first()).toBeVisible();
  });
});

function nextWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(date);
}
