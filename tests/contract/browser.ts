// Chromium for the module walk, found and flagged as playwright.config.ts does: the machine's Chromium when
// there is one, else Playwright's own; on the emulator it may reach loopback only.
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_FLAGS, findSystemChromium, LOOPBACK_ONLY } from "../chromium";

export function launchChromium({
  headed,
  loopbackOnly,
  chromiumPath,
}: {
  headed: boolean;
  loopbackOnly: boolean;
  chromiumPath: string | undefined;
}): Promise<Browser> {
  return chromium.launch({
    headless: !headed,
    executablePath: findSystemChromium(chromiumPath),
    args: loopbackOnly ? [...CHROMIUM_FLAGS, LOOPBACK_ONLY] : CHROMIUM_FLAGS,
  });
}
