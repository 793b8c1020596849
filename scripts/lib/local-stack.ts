// What the benchmark scripts share: a fresh in-memory emulator and `next start` on loopback ports, children
// that stop with the script (each leads its own process group, so npx/tsx grandchildren stop too), and the
// seed user's sign-in through the emulator's module pages.
import { spawn, type ChildProcess } from "node:child_process";
import type { Page } from "@playwright/test";

export type LocalStack = { appUrl: string; emulatorUrl: string };

export function createChildren(label: string) {
  const children: ChildProcess[] = [];
  let stopping = false;

  /** Starts a child whose last 2,000 characters of stderr are printed if it dies on its own. */
  function start(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.on("exit", (code) => {
      if (!stopping && code !== null && code !== 0) console.error(`[${label}] ${name} exited with ${code}\n${errors}`);
    });
    children.push(child);
    return child;
  }

  /** Stops every child still running and waits (at most 10 s) until they have exited. */
  async function stopAll(): Promise<void> {
    stopping = true;
    const running = children.filter((child) => child.pid && child.exitCode === null && child.signalCode === null);
    const exited = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
    for (const child of running) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }

  return { start, stopAll };
}

/** Resolves once `url` answers below 500; throws after `limitMs`. */
export async function waitFor(url: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${limitMs / 1000} s`);
}

/**
 * A fresh in-memory emulator and the production build on `next start`, wired to each other like `npm run dev`.
 * `webhooks: false` leaves the emulator's webhook URL empty (a load test need not measure the receiver).
 */
export async function startLocalStack(
  children: ReturnType<typeof createChildren>,
  { appPort, emulatorPort, webhooks }: { appPort: number; emulatorPort: number; webhooks: boolean },
): Promise<LocalStack> {
  const appUrl = `http://localhost:${appPort}`;
  const emulatorUrl = `http://localhost:${emulatorPort}`;
  children.start("emulator", "node_modules/.bin/tsx", ["packages/astra-emulator/src/index.ts"], {
    EMULATOR_PORT: String(emulatorPort),
    EMULATOR_DB: ":memory:",
    EMULATOR_REDIRECT_URIS: `${appUrl}/api/auth/callback/astra,${appUrl}/accounts/linked`,
    EMULATOR_WEBHOOK_URL: webhooks ? `${appUrl}/api/webhooks/astra` : "",
  });
  children.start("app", "node_modules/.bin/next", ["start", "--port", String(appPort)], {
    NODE_ENV: "production",
    ASTRA_ENV: "emulator",
    ASTRA_API_URL: emulatorUrl,
    ASTRA_APP_URL: emulatorUrl,
    AUTH_URL: appUrl,
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
  });
  await Promise.all([waitFor(`${emulatorUrl}/sandbox/health`), waitFor(appUrl)]);
  return { appUrl, emulatorUrl };
}

/** Walks the seed user from the app's landing page to the emulator's consent page, and stops there. */
export async function openDemoUserConsent(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await page
    .getByRole("button", { name: /sign in with astra/i })
    .first()
    .click();
  await page.getByLabel("Mobile number").fill("2025550123");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Verification code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("button", { name: "Authorize" }).waitFor();
}

/** Signs the seed user in through the emulator's module pages; returns the app's cookies as a header. */
export async function signInDemoUser(page: Page, appUrl: string): Promise<string> {
  await openDemoUserConsent(page, appUrl);
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL(`${appUrl}/dashboard**`);
  const cookies = await page.context().cookies(appUrl);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}
