// Chromium for the module walk, found and flagged as playwright.config.ts does: the machine's Chromium when
// there is one, else Playwright's own; on the emulator it may reach loopback only.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium({
  headed,
  loopbackOnly,
  chromiumPath,
}: {
  headed: boolean;
  loopbackOnly: boolean;
  chromiumPath: string | undefined;
}): Promise<Browser> {
  const executablePath = [chromiumPath, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path): path is string =>
    Boolean(path && existsSync(path)),
  );
  return chromium.launch({
    headless: !headed,
    executablePath,
    args: loopbackOnly ? [...FLAGS, LOOPBACK_ONLY] : FLAGS,
  });
}
