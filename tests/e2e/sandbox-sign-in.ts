// Sign-in on Astra's real sandbox (E2E_TARGET=sandbox): its module pages are not ours to script, so a person
// completes them once in the headed browser (`--headed`), and later tests reuse that session's cookies. Kept in
// memory only (one worker), never written to disk: the session cookie holds the user's Astra tokens.
import { test, type Page } from "@playwright/test";
import { APP_URL } from "./ports";
import { SANDBOX_LOGIN_TIMEOUT_MS } from "./target";

type Cookies = Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>;
let signedInCookies: Cookies | undefined;

const isSignedInPage = (url: URL) =>
  url.origin === APP_URL && url.pathname !== "/" && !url.pathname.startsWith("/signin");

export async function signInOnAstraSandbox(page: Page): Promise<void> {
  if (signedInCookies) {
    await page.context().addCookies(signedInCookies);
    await page.goto("/dashboard");
    if (isSignedInPage(new URL(page.url()))) return;
    signedInCookies = undefined; // the session ended (expired or revoked): sign in again
  }
  test.info().setTimeout(test.info().timeout + SANDBOX_LOGIN_TIMEOUT_MS);
  await page.getByRole("button", { name: /sign in with astra/i }).click();
  console.log(
    `Sign in on Astra's sandbox in the browser window (your test phone, its code, then Authorize); waiting up to ${SANDBOX_LOGIN_TIMEOUT_MS / 1000} s.`,
  );
  await page.waitForURL(isSignedInPage, { timeout: SANDBOX_LOGIN_TIMEOUT_MS });
  signedInCookies = await page.context().cookies(APP_URL);
}
