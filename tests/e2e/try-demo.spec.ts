import { expect, test, type Page } from "@playwright/test";
import { AstraModule, SANDBOX_CODE } from "./fixtures";
import { DEMO_URL } from "./ports";
import { EMULATOR_ONLY, ON_ASTRA_SANDBOX } from "./target";

// "Try the demo" on a demo-mode server (ASTRA_ENV=demo, the emulator inside the app): each visitor gets a fresh
// user of their own and signs in through the real module pages with their phone already filled in. It needs
// that server on E2E_DEMO_PORT, which playwright.config.ts starts beside the others.
async function demoServerUp(): Promise<boolean> {
  try {
    const response = await fetch(`${DEMO_URL}/`, { signal: AbortSignal.timeout(5_000) });
    return response.ok && (await response.text()).includes("Try the demo");
  } catch {
    return false;
  }
}

test.skip(ON_ASTRA_SANDBOX, "the demo runs the app's own emulator; there is no Astra sandbox in it");

/** Presses Try the demo and signs in as the new visitor; returns the visitor's phone. */
async function tryTheDemo(page: Page): Promise<string> {
  const astra = new AstraModule(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Try the demo" }).click();
  await expect(page).toHaveURL(/\/emulator\/login\/oauth\/authorize/);
  // The visitor's own number is filled in and locked; the code is the sandbox's.
  const phone = page.getByLabel("Mobile number");
  await expect(phone).toHaveAttribute("readonly", "");
  await expect(phone).toHaveValue(/^\d{3}55501\d\d$/);
  const number = await phone.inputValue();
  await page.getByRole("button", { name: "Send code" }).click();
  await astra.enterCode(SANDBOX_CODE);
  await astra.authorize();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("Joint Checking").first()).toBeVisible();
  return number;
}

test.describe("Try the demo", { tag: EMULATOR_ONLY }, () => {
  test.beforeAll(async () => {
    test.skip(!(await demoServerUp()), "no demo-mode server answers on E2E_DEMO_PORT (ASTRA_ENV=demo)");
  });
  test.use({ baseURL: DEMO_URL });

  test("gives two visitors two users of their own", async ({ browser }) => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    const firstPhone = await tryTheDemo(await first.newPage());
    const secondPhone = await tryTheDemo(await second.newPage());
    expect(secondPhone).not.toBe(firstPhone);
    await first.close();
    await second.close();
  });
});
