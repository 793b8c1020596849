import { expect, test } from "@playwright/test";
import { tryTheDemo } from "./demo-visit";
import { DEMO_URL } from "./ports";
import { EMULATOR_ONLY, ON_ASTRA_SANDBOX } from "./target";

// "Try the demo" on the demo-mode server (`ASTRA_ENV=demo next start`: a production build, so a public demo):
// each visitor gets a fresh user of their own, signed in by a one-use token only their browser held, and it is
// the only way in. It needs that server on E2E_DEMO_PORT, which playwright.config.ts starts beside the others.
async function demoServerUp(): Promise<boolean> {
  try {
    const response = await fetch(`${DEMO_URL}/`, { signal: AbortSignal.timeout(5_000) });
    return response.ok && (await response.text()).includes("Try the demo");
  } catch {
    return false;
  }
}

test.skip(ON_ASTRA_SANDBOX, "the demo runs the app's own emulator; there is no Astra sandbox in it");

test.describe("Try the demo", { tag: EMULATOR_ONLY }, () => {
  test.beforeAll(async () => {
    test.skip(!(await demoServerUp()), "no demo-mode server answers on E2E_DEMO_PORT (ASTRA_ENV=demo)");
  });
  test.use({ baseURL: DEMO_URL });

  test("gives two visitors two users of their own", async ({ browser }) => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    const firstPage = await first.newPage();
    const firstVisitor = await tryTheDemo(firstPage);
    // Greeted by the generated first name.
    const firstName = /^Signed in as (\w+) /.exec(firstVisitor)?.[1];
    await expect(firstPage.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${firstName}`);
    const secondVisitor = await tryTheDemo(await second.newPage());
    expect(firstVisitor).toMatch(/^Signed in as [A-Z][a-z]+ [A-Z][a-z]+, .+\.$/);
    expect(secondVisitor).not.toBe(firstVisitor);
    await first.close();
    await second.close();
  });

  test("is the only way in: no Sign in with Astra, no seed-user hint, no test-user form", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Try the demo" })).toBeVisible();
    await expect(page.getByRole("button", { name: /sign in with astra/i })).toHaveCount(0);
    await expect(page.getByText("2025550123")).toHaveCount(0);
    await expect(page.getByText(/555-0123/)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Create a test user" })).toHaveCount(0);
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Try the demo" })).toBeVisible();
    await expect(page.getByRole("button", { name: /sign in with astra/i })).toHaveCount(0);
    expect((await page.request.get("/test-user")).status()).toBe(404);
  });
});
