import { test, expect, type Page } from "@playwright/test";
import { tryTheDemo } from "./demo-visit";
import { DEMO_URL } from "./ports";
import { confirm, fillVisitorRoutine, openNewRoutine } from "./routine-form";
import { EMULATOR_ONLY, ON_ASTRA_SANDBOX } from "./target";

// Demo mode (ASTRA_ENV=demo): the same build, with the emulator mounted inside the app at /emulator. One server,
// one port: the module pages are on the app's own origin, the app's Astra calls and the emulator's webhooks stay
// in the process. Its own server and SQLite file (playwright.config.ts). A production build, so a public demo:
// each test signs in as a fresh visitor of its own.
test.use({ baseURL: DEMO_URL });
test.skip(ON_ASTRA_SANDBOX, "demo mode runs the app's own emulator; there is no Astra sandbox in it");

declare global {
  interface Window {
    astraEvents?: string[];
  }
}

/** A second tab that keeps the app's live-update stream open and records every webhook relayed to it. */
async function watchLiveUpdates(page: Page) {
  await page.goto("/dashboard");
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.astraEvents = [];
        const source = new EventSource("/api/astra/events");
        source.addEventListener("open", () => resolve());
        source.addEventListener("astra", (event) => window.astraEvents!.push((event as MessageEvent<string>).data));
      }),
  );
  return () => page.evaluate(() => window.astraEvents ?? []);
}

test.describe("Demo mode: the emulator inside the app", { tag: EMULATOR_ONLY }, () => {
  test("signs in on /emulator, shows accounts, and a routine's webhooks reach the app", async ({ page, context }) => {
    await tryTheDemo(page);
    await expect(page).toHaveURL(`${DEMO_URL}/dashboard`);
    await expect(page.getByText("Everyday Checking").first()).toBeVisible();

    const events = await watchLiveUpdates(await context.newPage());

    await openNewRoutine(page);
    await fillVisitorRoutine(page, "Demo drill");
    await confirm(page);
    await expect(page.getByRole("heading", { name: "Demo drill" })).toBeVisible();
    // The routine's transfer was made by the due work that ran after the create, and its webhook was handed to
    // the app's receiver in-process, which told the open tab.
    await expect.poll(async () => (await events()).some((data) => data.includes("transfer"))).toBe(true);

    await page.goto("/transfers");
    const row = page.getByTestId("transfer-row").filter({ hasText: "Demo drill" });
    await expect(row).toHaveCount(1);

    // The developer drawer moves the embedded emulator's clock; the transfer settles without any ticker.
    const before = (await events()).length;
    await page.getByRole("button", { name: "Developer tools" }).click();
    const drawer = page.getByTestId("dev-tools");
    await drawer.getByRole("button", { name: "Advance 5 days" }).click();
    await expect(drawer.getByRole("status")).toHaveText(/it is now/);
    await expect.poll(async () => (await events()).length).toBeGreaterThan(before);
    await page.reload();
    await expect(row).toContainText("Completed");
  });

  test("an access token the emulator expired is refreshed in-process and the page still works", async ({ page }) => {
    await tryTheDemo(page);

    await page.getByRole("button", { name: "Developer tools" }).click();
    const drawer = page.getByTestId("dev-tools");
    await drawer.getByRole("button", { name: "Expire access token" }).click();
    await expect(drawer.getByRole("status")).toHaveText(/expired/);
    // The dashboard's Astra call gets a 401; the refresh_token grant goes to the embedded emulator, then the retry.
    await page.reload();
    await expect(page.getByRole("list", { name: "Bank accounts" })).toBeVisible();
  });
});
