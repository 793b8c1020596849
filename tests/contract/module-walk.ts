// The OAuth module walk: authorize → phone → code → consent → redirect to the registered redirect URI, caught
// by the suite's loopback receiver. The emulator's pages are driven by script (their labels are documented in
// packages/astra-emulator/docs/identity.md); Astra's real pages are not scripted (their markup is unknown and may change), so
// on the sandbox target a person completes them once in a headed browser while the suite waits.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "@playwright/test";
import { launchChromium } from "./browser";
import { received, type ContractTarget } from "./target";

export type Walk = {
  authorizeUrl: URL;
  state: string;
  /** The redirect as the receiver got it: `code` and `state`, or `error`. */
  callback: URL;
  /** The module pages the browser passed through, in order (emulator only). */
  steps: string[];
};

/** Who signs in: by default the target's phone, typed (emulator) or prefilled and locked (sandbox). */
export type WalkAs = { phone?: string; userIntentId?: string };

export function authorizeUrl(t: ContractTarget, state: string, as: WalkAs = {}): URL {
  const url = new URL("/login/oauth/authorize", t.appUrl);
  url.searchParams.set("client_id", t.clientId);
  url.searchParams.set("redirect_uri", t.redirectUri!);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("state", state);
  if (as.userIntentId) url.searchParams.set("user_intent_id", as.userIntentId);
  if (t.target === "sandbox" || as.phone) {
    // reference/oauth-links-and-parameters: prefill and lock the phone (10 digits), so the person only confirms the
    // code and consents.
    url.searchParams.set("phone", as.phone ?? t.phone);
    url.searchParams.set("phone_read_only", "true");
  }
  return url;
}

export async function walkModule(t: ContractTarget, as: WalkAs = {}): Promise<Walk> {
  if (!t.redirectUri || !t.callbackReceiver) {
    throw new Error(
      "No registered redirect URI: set ASTRA_CONTRACT_REDIRECT_URI, or ASTRA_CONTRACT_REFRESH_TOKEN to skip the walk.",
    );
  }
  const state = randomBytes(12).toString("base64url");
  const url = authorizeUrl(t, state, as);
  const seen = (await received(t.callbackReceiver)).callbacks.length;
  const steps: string[] = [];
  const onEmulator = t.target === "emulator";

  let browser: Browser | undefined;
  try {
    browser = await launchChromium({
      headed: !onEmulator,
      loopbackOnly: onEmulator,
      chromiumPath: t.chromiumPath,
    }).catch((error) => {
      if (onEmulator) throw error;
      return undefined; // no display: the person opens the URL in a browser of their own on this machine
    });
    if (onEmulator) {
      await driveEmulatorModule(browser!, url, t, steps, !as.phone);
    } else {
      console.log(
        [
          "",
          "Contract suite: sign in to Astra's sandbox module to continue.",
          `  ${browser ? "A browser window opened on" : "Open this URL in a browser on this machine:"} ${url.toString()}`,
          `  Use the test phone ${t.phone}, enter the code, and press Authorize.`,
          `  Waiting up to ${Math.round(t.loginTimeoutMs / 1000)} s for the redirect to ${t.redirectUri}.`,
          "",
        ].join("\n"),
      );
      if (browser) await (await browser.newPage()).goto(url.toString());
    }
    const callback = await waitForCallback(t.callbackReceiver, seen, onEmulator ? 15_000 : t.loginTimeoutMs);
    return { authorizeUrl: url, state, callback, steps };
  } finally {
    await browser?.close();
  }
}

async function driveEmulatorModule(browser: Browser, url: URL, t: ContractTarget, steps: string[], typePhone: boolean) {
  const page = await browser.newPage();
  const step = async (name: string, ready: () => Promise<void>) => {
    await ready();
    steps.push(name);
  };
  await page.goto(url.toString());
  await step("phone", () => page.getByLabel("Mobile number").waitFor());
  if (typePhone) await page.getByLabel("Mobile number").fill(t.phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await step("code", () => page.getByLabel("Verification code").waitFor());
  await page.getByLabel("Verification code").fill(t.code!);
  await page.getByRole("button", { name: "Verify" }).click();
  await step("consent", () => page.getByRole("button", { name: "Authorize" }).waitFor());
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL((current) => current.toString().startsWith(t.redirectUri!));
  steps.push("redirect");
}

async function waitForCallback(origin: string, seen: number, timeoutMs: number): Promise<URL> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { callbacks } = await received(origin);
    const next = callbacks[seen];
    if (next) return new URL(next.url);
    await sleep(250);
  }
  throw new Error(`No redirect reached the loopback receiver within ${Math.round(timeoutMs / 1000)} s.`);
}
