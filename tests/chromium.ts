// Which Chromium every browser in this repo runs (Playwright's e2e suite, the contract suite's module walk, the
// benchmarks and screenshots), and with which flags: the machine's Chromium where there is one (CI here cannot
// download Playwright's browsers), else Playwright's own (`npx playwright install chromium`).
import { existsSync } from "node:fs";
import { devices } from "@playwright/test";

export function findSystemChromium(preferred?: string): string | undefined {
  return [preferred, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path): path is string =>
    Boolean(path && existsSync(path)),
  );
}

/** Quiet, sandbox-free headless Chromium: no updates, sync or background traffic. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Keeps the browser on loopback: a test against the emulator may reach nothing else. */
export const LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1";

/** A Playwright config's one project: desktop Chrome, on `executable` when given (else Playwright's own). */
export function chromiumProject(executable: string | undefined, args: string[]) {
  return {
    name: "chromium",
    use: {
      ...devices["Desktop Chrome"],
      launchOptions: executable ? { executablePath: executable, args } : { args },
    },
  };
}
