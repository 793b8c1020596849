import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { APP_URL, E2E_AUTH_SECRET, EMULATOR_URL } from "../e2e/ports";

const SESSION_COOKIE = "authjs.session-token";
const NOT_RUNNING = "The emulator is not running";

/** A session as sign-in would have left it; its tokens are never used, since no call reaches the emulator. */
function sessionCookie(): Promise<string> {
  return encode({
    token: {
      name: "Avery Quinn",
      astraUserId: "user_dev_mode",
      status: "approved",
      accessToken: "access-token-unused",
      refreshToken: "refresh-token-unused",
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    },
    secret: E2E_AUTH_SECRET,
    salt: SESSION_COOKIE,
  });
}

test.beforeAll(async () => {
  // The premise: nothing answers where the app looks for the emulator.
  await expect(fetch(EMULATOR_URL, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
});

test("Sign in with Astra shows the app's page naming the emulator, not a refused connection", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Astra" }).click();
  await expect(page).toHaveURL(/\/signin\?error=EmulatorNotRunning/);
  const alert = page.getByRole("alert").filter({ hasText: NOT_RUNNING });
  await expect(alert).toContainText("npm run emulator");
  await expect(page.getByRole("button", { name: "Try again with Astra" })).toBeVisible();
});

test("every signed-in page shows one panel naming the emulator, never the error page", async ({ page, context }) => {
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionCookie(), url: APP_URL, httpOnly: true }]);

  const panel = page.getByRole("alert").filter({ hasText: NOT_RUNNING });
  await page.goto("/dashboard");
  // All three of the dashboard's sections (accounts, cards, activity) have answered once two notes are there.
  await expect(page.getByText(`Not loaded. ${NOT_RUNNING}.`)).toHaveCount(2);
  await expect(panel).toHaveCount(1);
  await expect(panel).toContainText("npm run dev");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  for (const path of ["/transfers", "/routines", "/profile"]) {
    await page.goto(path);
    await expect(panel).toHaveCount(1);
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
  }
});

test("Link a bank account shows the app's page naming the emulator, not a refused connection", async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionCookie(), url: APP_URL, httpOnly: true }]);
  await page.goto("/accounts/link");
  await expect(page.getByRole("heading", { name: NOT_RUNNING })).toBeVisible();
  await expect(page.getByText("npm run emulator")).toBeVisible();
});
