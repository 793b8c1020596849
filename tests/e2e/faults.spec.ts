import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fillRoutine } from "./routine-form";

// Astra failing or slow, as the emulator's control API makes it: every signed-in page says so with the request
// id and a way to retry, recovers when Astra does, and a create retried after a failure makes one routine.

const EVERY_READ = { method: "GET", path: "/v1/*", count: 100 } as const;

async function fillAndReview(page: Page, name: string, amount: string) {
  await page.goto("/routines/new");
  await fillRoutine(page, { name, amount });
  await page.getByRole("button", { name: "Review" }).click();
}

/** Routines and transfers named `name`, read back through the app: the routines page and the transfers API. */
async function countMade(page: Page, name: string) {
  await page.goto("/routines");
  // count() does not wait: let the streamed list arrive first (every caller expects at least one routine).
  await expect(page.getByRole("list", { name: "Routines" })).toBeVisible();
  const routines = await page
    .getByRole("list", { name: "Routines" })
    .getByRole("listitem")
    .filter({ hasText: name })
    .count();
  const response = await page.request.get("/api/astra/transfers");
  expect(response.ok()).toBe(true);
  const { transfers } = (await response.json()) as { transfers: { routineName: string }[] };
  return { routines, transfers: transfers.filter((t) => t.routineName === name).length };
}

test.describe("When Astra fails", { tag: "@emulator-only" }, () => {
  test.beforeEach(async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  for (const status of [500, 503, 429]) {
    test(`every signed-in page shows a ${status} with its request id and recovers on retry`, async ({
      page,
      emulator,
    }) => {
      test.setTimeout(90_000);
      // Something for the detail pages to show.
      await fillAndReview(page, "Fault drill", "4");
      await page.getByRole("button", { name: "Confirm and create" }).click();
      await expect(page.getByRole("heading", { name: "Fault drill" })).toBeVisible();
      const routinePath = new URL(page.url()).pathname;
      // The new routine's webhooks make open pages refresh themselves (LiveUpdates): let them all arrive first,
      // so a page below recovers because of its Try again link, not because a late webhook refreshed it.
      await expect
        .poll(async () => {
          const events = ((await emulator.webhooks()).webhooks ?? []) as { state: string }[];
          return events.length > 0 && events.every((event) => event.state === "delivered");
        })
        .toBe(true);
      await page.goto("/dashboard");
      const accountHref = await page.getByRole("link", { name: "Everyday Checking" }).first().getAttribute("href");

      const pages = [
        { path: "/dashboard", ready: page.getByRole("list", { name: "Bank accounts" }) },
        { path: "/routines", ready: page.getByRole("list", { name: "Routines" }) },
        { path: routinePath, ready: page.getByRole("heading", { name: "Fault drill" }) },
        { path: "/routines/new", ready: page.getByLabel("Amount (USD)") },
        { path: "/transfers", ready: page.getByTestId("transfer-row").first() },
        { path: accountHref!, ready: page.getByRole("heading", { level: 1, name: "Everyday Checking" }) },
      ];
      for (const { path, ready } of pages) {
        await emulator.injectFault({ ...EVERY_READ, status });
        await page.goto(path);
        const alert = page.getByRole("alert").filter({ hasText: "Request id" }).first();
        await expect(alert, `${path} shows the failure`).toBeVisible();
        // The panel names the kind first, then the request id.
        await expect(alert.locator("code").last()).toHaveText(/\S+/);
        await expect(ready).toHaveCount(0);

        await emulator.clearFaults();
        await alert.getByRole("link", { name: "Try again" }).click();
        await expect(ready, `${path} recovers`).toBeVisible();
        await expect(page.getByRole("alert").filter({ hasText: "Request id" })).toHaveCount(0);
      }
    });
  }

  test("a read that fails once is retried on the server and the page never shows it", async ({ page, emulator }) => {
    await emulator.injectFault({ method: "GET", path: "/v1/accounts", status: 503, count: 1 });
    await page.goto("/dashboard");
    await expect(page.getByRole("list", { name: "Bank accounts" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Request id" })).toHaveCount(0);
  });

  test("a create that failed keeps what was typed and, retried, makes exactly one routine", async ({
    page,
    emulator,
  }) => {
    await fillAndReview(page, "Retry me", "6.50");
    const key = await page.locator('input[name="$idempotency_key"]').inputValue();
    await emulator.injectFault({ method: "POST", path: "/v1/routines", status: 503, count: 1 });
    await page.getByRole("button", { name: "Confirm and create" }).click();

    const alert = page.getByRole("alert").filter({ hasText: "has not confirmed whether the routine was created" });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toContainText(/Request id: \S+/);
    // Nothing typed is lost, and the retry sends the same Idempotency-Key.
    await expect(page.getByLabel("Name")).toHaveValue("Retry me");
    await expect(page.getByLabel("Amount (USD)")).toHaveValue("6.50");
    await expect(page.locator('input[name="$idempotency_key"]')).toHaveValue(key);

    await page.getByRole("button", { name: "Check and create" }).click();
    await expect(page.getByRole("heading", { name: "Retry me" })).toBeVisible();
    expect(await countMade(page, "Retry me")).toEqual({ routines: 1, transfers: 1 });
  });

  test("a create that fails again on retry still makes no second routine once it goes through", async ({
    page,
    emulator,
  }) => {
    await fillAndReview(page, "Twice unlucky", "7");
    await emulator.injectFault({ method: "POST", path: "/v1/routines", status: 500, count: 2 });
    await page.getByRole("button", { name: "Confirm and create" }).click();
    const unconfirmed = page.getByRole("alert").filter({ hasText: "has not confirmed" });
    await expect(unconfirmed).toBeVisible({ timeout: 15_000 });
    await page.getByRole("button", { name: "Check and create" }).click();
    await expect(page.getByRole("button", { name: "Check and create" })).toBeEnabled({ timeout: 15_000 });
    await expect(unconfirmed).toBeVisible();
    await page.getByRole("button", { name: "Check and create" }).click();
    await expect(page.getByRole("heading", { name: "Twice unlucky" })).toBeVisible({ timeout: 15_000 });
    expect(await countMade(page, "Twice unlucky")).toEqual({ routines: 1, transfers: 1 });
  });

  test("Astra five seconds slow: pages and a create are slow but work, and make one routine", async ({
    page,
    emulator,
  }) => {
    test.setTimeout(60_000);
    await emulator.injectFault({ method: "GET", path: "/v1/accounts", delay_ms: 5_000, count: 1 });
    await page.goto("/routines/new");
    await expect(page.getByLabel("Amount (USD)")).toBeVisible({ timeout: 15_000 });

    await fillAndReview(page, "Slow but sure", "8");
    await emulator.injectFault({ method: "POST", path: "/v1/routines", delay_ms: 5_000, count: 1 });
    await page.getByRole("button", { name: "Confirm and create" }).click();
    await expect(page.getByRole("button", { name: "Creating…" })).toBeDisabled();
    await expect(page.getByRole("heading", { name: "Slow but sure" })).toBeVisible({ timeout: 20_000 });
    expect(await countMade(page, "Slow but sure")).toEqual({ routines: 1, transfers: 1 });
  });
});
