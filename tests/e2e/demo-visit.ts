// "Try the demo" as a visitor of the public demo does it: one press, straight to Astra's consent page for a
// fresh user of their own (no phone, no code), then the dashboard. Returns what the consent page said of them.
import { expect, type Page } from "@playwright/test";
import { siteConfig } from "../../config/site";
import { AstraModule } from "./fixtures";

export async function tryTheDemo(page: Page): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  const signedInAs = page.getByText(/^Signed in as /);
  await expect(signedInAs).toBeVisible();
  await expect(page).toHaveURL(/\/emulator\/login\/oauth\/authorize\?/);
  // The one-use token left the address bar with the module's redirect.
  expect(page.url()).not.toContain("visitor_token");
  // The emulator inside the app registers it under the app's own name (config/site.ts).
  await expect(
    page.getByRole("heading", { name: `${siteConfig.name} wants to access your Astra account` }),
  ).toBeVisible();
  const who = (await signedInAs.textContent()) ?? "";
  await new AstraModule(page).authorize();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("Joint Checking").first()).toBeVisible();
  return who;
}
