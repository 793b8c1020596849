import { DEMO_PHONE, expect, test } from "./fixtures";

test.describe("Token lifecycle", () => {
  test(
    "an access token Astra expired early is refreshed without the user noticing",
    { tag: "@emulator-only" },
    async ({ page, signIn, emulator }) => {
      await page.goto("/");
      await signIn.asDemoUser();
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();
      const userId = await emulator.userIdByPhone(DEMO_PHONE);
      const before = await emulator.tokenGrants(userId);

      await emulator.expireAccessToken(userId);
      await page.getByRole("link", { name: "Transfers", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Transfers" })).toBeVisible();
      // The heading comes in the first streamed chunk; the list (the call to Astra) follows it.
      await expect(page.getByRole("status", { name: "Loading transfers" })).toHaveCount(0);
      await page.getByRole("link", { name: "Dashboard" }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "authorization" })).toHaveCount(0);

      await expect.poll(async () => (await emulator.tokenGrants(userId)).refresh_token).toBe(before.refresh_token + 1);
    },
  );

  test(
    "20 parallel requests with an expired token cause exactly one refresh and no failure",
    { tag: "@emulator-only" },
    async ({ page, signIn, emulator }) => {
      await page.goto("/");
      await signIn.asDemoUser();
      await expect(page).toHaveURL(/\/dashboard$/);
      const userId = await emulator.userIdByPhone(DEMO_PHONE);
      const before = await emulator.tokenGrants(userId);

      await emulator.expireAccessToken(userId);
      const statuses = await page.evaluate(async () => {
        const responses = await Promise.all(Array.from({ length: 20 }, () => fetch("/api/astra/transfers")));
        return responses.map((response) => response.status);
      });

      expect(statuses).toEqual(Array(20).fill(200));
      expect((await emulator.tokenGrants(userId)).refresh_token).toBe(before.refresh_token + 1);
    },
  );

  test(
    "a dead refresh token asks to re-authorize and comes back to the same page",
    { tag: "@emulator-only" },
    async ({ page, signIn, emulator }) => {
      await page.goto("/");
      await signIn.asDemoUser();
      await page.goto("/transfers");
      await expect(page.getByRole("heading", { name: "Transfers" })).toBeVisible();
      const userId = await emulator.userIdByPhone(DEMO_PHONE);

      await emulator.expireRefreshTokens(userId);
      await emulator.expireAccessToken(userId);
      await page.reload();

      const alert = page.getByRole("alert").filter({ hasText: "Your Astra authorization has expired" });
      await expect(alert).toBeVisible();
      await alert.getByRole("button", { name: "Sign in with Astra again" }).click();
      await signIn.module.enterPhone(DEMO_PHONE);
      await signIn.module.enterCode();
      await signIn.module.authorize();

      await expect(page).toHaveURL(/\/transfers$/);
      await expect(page.getByRole("heading", { name: "Transfers" })).toBeVisible();
      await expect(alert).toHaveCount(0);
    },
  );

  test(
    "an Astra failure shows what happened and the request id",
    { tag: "@emulator-only" },
    async ({ page, signIn, emulator }) => {
      await page.goto("/");
      await signIn.asDemoUser();
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();

      // A window, not a count: the page reads accounts in parallel, and each read is retried (lib/astra/client.ts).
      await emulator.injectFault({ method: "GET", path: "/v1/accounts", status: 503, window_ms: 60_000 });
      await page.reload();
      const alert = page.getByRole("alert").filter({ hasText: "Astra is not reachable right now" });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(/Request id: [0-9a-f-]{36}/);

      await emulator.clearFaults();
      await alert.getByRole("link", { name: "Try again" }).click();
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();
    },
  );
});
