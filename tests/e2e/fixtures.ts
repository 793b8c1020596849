import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { Emulator } from "./emulator";
import { signInOnAstraSandbox } from "./sandbox-sign-in";
import { EMULATOR_ONLY, EMULATOR_ONLY_REASON, ON_ASTRA_SANDBOX } from "./target";

export const DEMO_PHONE = "2025550123";
export const SANDBOX_CODE = "123456";

/** Drives the emulator's hosted OAuth module pages the way a person would. */
export class AstraModule {
  constructor(private readonly page: Page) {}

  async enterPhone(phone: string) {
    await expect(this.page).toHaveURL(/\/login\/oauth\/authorize/);
    await this.page.getByLabel("Mobile number").fill(phone);
    await this.page.getByRole("button", { name: "Send code" }).click();
  }

  async enterCode(code = SANDBOX_CODE) {
    await this.page.getByLabel("Verification code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }

  async completeProfile(profile: { firstName: string; lastName: string; email: string }) {
    await this.page.getByLabel("First name").fill(profile.firstName);
    await this.page.getByLabel("Last name").fill(profile.lastName);
    await this.page.getByLabel("Email").fill(profile.email);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async authorize() {
    await this.page.getByRole("button", { name: "Authorize" }).click();
  }

  async deny() {
    await this.page.getByRole("button", { name: "Deny" }).click();
  }
}

/** The app's side of sign-in: the landing or sign-in page's button, then the module. */
export class SignInFlow {
  readonly module: AstraModule;

  constructor(private readonly page: Page) {
    this.module = new AstraModule(page);
  }

  async start() {
    await this.page.getByRole("button", { name: /sign in with astra/i }).click();
  }

  /** Signs the seed user in from wherever a sign-in button is showing (on Astra's sandbox: a person). */
  async asDemoUser() {
    if (ON_ASTRA_SANDBOX) return signInOnAstraSandbox(this.page);
    await this.start();
    await this.module.enterPhone(DEMO_PHONE);
    await this.module.enterCode();
    await this.module.authorize();
  }
}

/** Fails with one line per offending element: the page, axe's rule, the element's selector and what to fix. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const where = new URL(page.url());
  const failures = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where.pathname}${where.search}: ${violation.id} at ${node.target.join(" > ")}: ${node.failureSummary ?? violation.help}`,
    ),
  );
  expect(failures, `axe on ${where.pathname}`).toEqual([]);
}

export const test = base.extend<{ signIn: SignInFlow; emulator: Emulator }>({
  // Every test starts from the emulator's seed data and real time, whatever the previous test did. Against
  // Astra's sandbox there is no emulator: tests tagged @emulator-only are skipped before any hook runs.
  emulator: [
    async ({}, use, testInfo) => {
      if (ON_ASTRA_SANDBOX) {
        testInfo.skip(testInfo.tags.includes(EMULATOR_ONLY), EMULATOR_ONLY_REASON);
        await use(undefined as never);
        return;
      }
      const emulator = await Emulator.connect();
      await emulator.reset();
      await use(emulator);
      await emulator.dispose();
    },
    { auto: true },
  ],
  signIn: async ({ page }, use) => {
    await use(new SignInFlow(page));
  },
});

export { expect };
