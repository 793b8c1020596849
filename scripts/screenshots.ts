// `npm run screenshots`: the README's pictures, made from a production build and a fresh emulator. It signs the
// seed user in, makes one weekly routine through the form, moves the emulator's clock a week so transfers exist,
// and captures each page in light and dark, desktop and mobile, into docs/screenshots/. It stops by itself
// (every wait is bounded, the whole run too) and stops the servers it started.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { chromiumArgs, systemChromium } from "../playwright.config";
import { confirm, fillRoutine, openNewRoutine } from "../tests/e2e/routine-form";
import { createChildren, openDemoUserConsent, signInDemoUser, startLocalStack } from "./lib/local-stack";

// Ports of their own, so the run never meets `npm run dev` (3000/4010), the e2e suite or the benchmarks.
const APP_PORT = 3315;
const EMULATOR_PORT = 4315;
const OUT_DIR = "docs/screenshots";
const WHOLE_RUN_LIMIT_MS = 10 * 60_000;
// The seeded app's credentials: the emulator's control API takes them as Basic auth (packages/astra-emulator/README.md).
const EMULATOR_BASIC = Buffer.from("astra_emulator_client:astra_emulator_secret_do_not_use_in_production").toString(
  "base64",
);

const SCHEMES = ["light", "dark"] as const;
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
type Variant = { scheme: (typeof SCHEMES)[number]; device: keyof typeof VIEWPORTS };
const VARIANTS: Variant[] = SCHEMES.flatMap((scheme) =>
  (["desktop", "mobile"] as const).map((device) => ({ scheme, device })),
);

const children = createChildren("screenshots");

function log(line: string) {
  console.log(`[screenshots] ${line}`);
}

function buildIfMissing() {
  if (existsSync(".next/BUILD_ID")) return log("using the production build in .next (delete .next to rebuild)");
  log("no production build yet: building (npm run build)...");
  const { status } = spawnSync("npm", ["run", "build"], { stdio: "inherit", timeout: 10 * 60_000 });
  if (status !== 0) throw new Error(`npm run build failed (exit ${status})`);
}

function contextOptions({ scheme, device }: Variant, appUrl: string): BrowserContextOptions {
  // reducedMotion keeps transitions from being caught half-way.
  return { ...VIEWPORTS[device], colorScheme: scheme, reducedMotion: "reduce", baseURL: appUrl };
}

async function shoot(page: Page, name: string, { scheme, device }: Variant) {
  // Fonts and late layout settle before the picture; desktop keeps to the first screen, mobile shows the page.
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(OUT_DIR, `${name}-${device}-${scheme}.png`);
  await page.screenshot({ path: file, fullPage: device === "mobile", animations: "disabled", caret: "hide" });
  log(`wrote ${file}`);
}

async function advanceEmulatorClock(emulatorUrl: string, days: number) {
  const response = await fetch(`${emulatorUrl}/sandbox/clock/advance`, {
    method: "POST",
    headers: { authorization: `Basic ${EMULATOR_BASIC}`, "content-type": "application/json" },
    body: JSON.stringify({ days }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`clock advance answered ${response.status}: ${await response.text()}`);
}

/** The emulator's consent page, reached through the real sign-in and left unanswered. */
async function shootConsent(browser: Browser, appUrl: string, variant: Variant) {
  const context = await browser.newContext(contextOptions(variant, appUrl));
  const page = await context.newPage();
  await openDemoUserConsent(page, appUrl);
  await shoot(page, "consent", variant);
  await context.close();
}

async function run() {
  buildIfMissing();
  mkdirSync(OUT_DIR, { recursive: true });
  log(`starting a fresh emulator on ${EMULATOR_PORT} and next start on ${APP_PORT}...`);
  const { appUrl, emulatorUrl } = await startLocalStack(children, {
    appPort: APP_PORT,
    emulatorPort: EMULATOR_PORT,
    webhooks: true,
  });
  const browser = await chromium.launch({ executablePath: systemChromium, args: chromiumArgs, timeout: 60_000 });
  try {
    // One sign-in; every variant's context starts from its cookies (a second sign-in would replace the token).
    const signInContext = await browser.newContext({ baseURL: appUrl });
    signInContext.setDefaultTimeout(30_000);
    const signInPage = await signInContext.newPage();
    await signInDemoUser(signInPage, appUrl);
    const storageState = await signInContext.storageState();

    // The landing page and the consent page, signed out.
    for (const variant of VARIANTS) {
      const context = await browser.newContext(contextOptions(variant, appUrl));
      const page = await context.newPage();
      await page.goto("/");
      await shoot(page, "landing", variant);
      await context.close();
      await shootConsent(browser, appUrl, variant);
    }

    // The form's review step, while the emulator's "today" is still the form's default date.
    for (const variant of VARIANTS) {
      const context = await browser.newContext({ ...contextOptions(variant, appUrl), storageState });
      const page = await context.newPage();
      await openNewRoutine(page);
      await fillRoutine(page, { type: "recurring", name: "Weekly savings", amount: "25.00", frequency: "Every week" });
      await page.getByRole("button", { name: "Review" }).click();
      await page.getByRole("button", { name: "Confirm and create" }).waitFor();
      // The review step opens below the fields: on a desktop's first screen, bring its confirmation into view.
      await page.getByRole("region", { name: "Confirm routine" }).evaluate((region) => {
        region.scrollIntoView({ block: "end" });
        window.scrollBy(0, 24);
      });
      await shoot(page, "routine-form", variant);
      await context.close();
    }

    // The routine itself, then a week on the emulator's clock so it has made transfers.
    await openNewRoutine(signInPage);
    await fillRoutine(signInPage, {
      type: "recurring",
      name: "Weekly savings",
      amount: "25.00",
      frequency: "Every week",
    });
    await confirm(signInPage);
    await signInPage.waitForURL(/\/routines\/[^/?]+\?created=1/);
    const routinePath = new URL(signInPage.url()).pathname;
    await signInContext.close();
    log(`made ${routinePath}; advancing the emulator's clock 7 days...`);
    await advanceEmulatorClock(emulatorUrl, 7);

    const signedInPages = [
      { name: "dashboard", path: "/dashboard", ready: "Everyday Checking" },
      { name: "routines", path: "/routines", ready: "Weekly savings" },
      { name: "routine", path: routinePath, ready: "Weekly savings" },
      { name: "transfers", path: "/transfers", ready: "$25.00" },
      { name: "profile", path: "/profile", ready: "What you can do" },
    ];
    for (const variant of VARIANTS) {
      const context = await browser.newContext({ ...contextOptions(variant, appUrl), storageState });
      const page = await context.newPage();
      for (const shot of signedInPages) {
        await page.goto(shot.path);
        // Wait past the loading skeletons for the page's own content.
        await page.getByText(shot.ready).first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState("networkidle").catch(() => undefined);
        await shoot(page, shot.name, variant);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const files = readdirSync(OUT_DIR).filter((file) => file.endsWith(".png"));
  const bytes = files.reduce((sum, file) => sum + statSync(path.join(OUT_DIR, file)).size, 0);
  log(`${files.length} pictures in ${OUT_DIR}, ${(bytes / 1024 / 1024).toFixed(2)} MB in all`);
}

const limit = setTimeout(() => {
  console.error(`[screenshots] gave up after ${WHOLE_RUN_LIMIT_MS / 60_000} minutes`);
  void children.stopAll().then(() => process.exit(1));
}, WHOLE_RUN_LIMIT_MS);

run()
  .then(
    () => 0,
    (error: unknown) => {
      console.error(`[screenshots] failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    },
  )
  .then(async (code) => {
    clearTimeout(limit);
    await children.stopAll();
    process.exit(code);
  });
