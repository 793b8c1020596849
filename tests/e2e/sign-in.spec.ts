import { DEMO_PHONE, expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("Sign in with Astra", () => {
  test(
    "the seed user signs in through the OAuth module and sees their accounts",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Move money");
      await expectNoAxeViolations(page);

      await signIn.start();
      await signIn.module.enterPhone(DEMO_PHONE);
      await expect(page.getByText("123456")).toBeVisible(); // the sandbox shows its code on the page
      await signIn.module.enterCode();
      await expect(page.getByRole("button", { name: "Authorize" })).toBeVisible();
      await signIn.module.authorize();

      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { name: "Hello, Avery" })).toBeVisible();
      await expect(page.getByTestId("signed-in-user")).toHaveText("Avery Demo");

      const checking = page.getByRole("article", { name: "Everyday Checking ending in 4417" });
      await expect(checking).toContainText("Redwood Community Bank");
      await expect(checking).toContainText("Checking");
      await expect(checking).toContainText("•••• 4417");
      await expect(checking).toContainText("$2,310.20");
      await expect(checking).toContainText("$2,450.75");

      const savings = page.getByRole("article", { name: "High-Yield Savings ending in 9021" });
      await expect(savings).toContainText("Savings");
      await expect(savings).toContainText("$12,500.00");
      await expectNoAxeViolations(page);
    },
  );

  test(
    "pressing Deny returns to the app with a friendly message and no session",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      await page.goto("/");
      await signIn.start();
      await signIn.module.enterPhone(DEMO_PHONE);
      await signIn.module.enterCode();
      await signIn.module.deny();

      await expect(page).toHaveURL(/\/signin\?error=OAuthCallbackError/);
      await expect(page.getByRole("alert").filter({ hasText: "You did not authorize the app" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Try again with Astra" })).toBeVisible();
      await expectNoAxeViolations(page);

      const session = await page.request.get("/api/auth/session");
      expect(await session.json()).toBeNull();
    },
  );

  test("sign out ends the session", async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: "Sign in with Astra" })).toBeVisible();
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  });

  test(
    "a signed-out visit to the dashboard signs in and comes back to it",
    { tag: "@emulator-only" },
    async ({ page, signIn }) => {
      await page.goto("/dashboard?tab=accounts");
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%3Ftab%3Daccounts/);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await expectNoAxeViolations(page);

      await signIn.asDemoUser();
      await expect(page).toHaveURL(/\/dashboard\?tab=accounts$/);
      await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();
    },
  );

  // Paths that collapse to "//evil.example" once dot segments are removed: an open redirect if passed on as-is.
  const OFF_SITE = ["/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/x/../..//evil.example/path"];

  test("a signed-in visit to /signin with an off-site callbackUrl stays on the app", async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
    const appOrigin = new URL(page.url()).origin;

    for (const callbackUrl of OFF_SITE) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page).toHaveURL(`${appOrigin}/dashboard`);
      await expect(page.getByRole("heading", { name: "Hello, Avery" })).toBeVisible();
    }
  });

  test("signing in from a link with an off-site callbackUrl lands on the dashboard", async ({ page, signIn }) => {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(OFF_SITE[0]!)}`);
    const appOrigin = new URL(page.url()).origin;
    await signIn.asDemoUser();
    await expect(page).toHaveURL(`${appOrigin}/dashboard`);
  });
});
