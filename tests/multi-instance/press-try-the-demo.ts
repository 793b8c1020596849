import { expect, type Page } from "@playwright/test";
import { AstraModule } from "../e2e/fixtures";
import { PROXY_URL } from "./ports";

/**
 * From the home page's "Try the demo" to the signed-in dashboard, whichever steps the demo's module asks for
 * (straight to consent, or the visitor's prefilled phone and the sandbox code first).
 */
export async function pressTryTheDemo(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  const sendCode = page.getByRole("button", { name: "Send code" });
  const authorize = page.getByRole("button", { name: "Authorize" });
  await expect(sendCode.or(authorize)).toBeVisible();
  const astra = new AstraModule(page);
  if (await sendCode.isVisible()) {
    await sendCode.click();
    await astra.enterCode();
  }
  await astra.authorize();
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
}
