import { expect, test, type Page } from "@playwright/test";
import { AstraModule } from "../e2e/fixtures";
import { CONTROL_URL, PROXY_URL } from "./ports";

// The README's Deploy button makes a Vercel project with AUTH_SECRET and Neon's DATABASE_URL and nothing else:
// no ASTRA_ENV (lib/env.ts infers the demo from VERCEL=1) and no AUTH_URL (origins come from each request). The
// instances here run exactly that (instances.ts). A fresh instance's first visitor must get in: the embedded
// emulator is registered at boot (instrumentation.ts), not by whichever request happens to reach /emulator first.

/**
 * From the press to the dashboard, whichever steps the demo's module asks for (the seed-free public demo goes
 * straight to consent; older builds ask for the visitor's prefilled phone and the sandbox code).
 */
async function pressTryTheDemo(page: Page) {
  const module = new AstraModule(page);
  await page.getByRole("button", { name: "Try the demo" }).click();
  const sendCode = page.getByRole("button", { name: "Send code" });
  const authorize = page.getByRole("button", { name: "Authorize" });
  await expect(sendCode.or(authorize)).toBeVisible();
  if (await sendCode.isVisible()) {
    await sendCode.click();
    await module.enterCode();
  }
  await module.authorize();
}

test("the Deploy button's configuration: Try the demo, pressed first on freshly booted instances, signs the visitor in", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const restarted = await fetch(`${CONTROL_URL}/restart`, { method: "POST", signal: AbortSignal.timeout(150_000) });
  expect(restarted.status, await restarted.text()).toBe(204);

  // Nothing but this page has reached either instance since they booted (they are awaited by TCP, not HTTP).
  await page.goto("/");
  await pressTryTheDemo(page);
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
  await expect(page.getByText("Joint Checking").first()).toBeVisible();
});
