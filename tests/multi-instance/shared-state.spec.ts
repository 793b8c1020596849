import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page, type Response } from "@playwright/test";
import pg from "pg";
import { SignInFlow } from "../e2e/fixtures";
import { confirm, fillRoutine, openNewRoutine } from "../e2e/routine-form";
import { CONTROL_URL, PROXY_URL } from "./ports";

// Issue #12's proof: two `next start` instances of one build, in demo mode on one Postgres, behind a round-robin
// proxy (global-setup.ts). Each test names the shared piece it depends on; with that piece back in one
// process's memory (or file), the test fails.

declare global {
  interface Window {
    astraEvents?: string[];
  }
}

/** Sends every request of this page or context to one instance (the proxy honours `x-instance`). */
const pin = (target: Page | BrowserContext, instance: 0 | 1) =>
  target.setExtraHTTPHeaders({ "x-instance": String(instance) });

const servedBy = (response: Response | null) => response?.headers()["x-served-by"];

const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

async function signInAsDemoUser(page: Page) {
  await page.goto("/");
  await new SignInFlow(page).asDemoUser();
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
}

async function createRoutine(page: Page, name: string) {
  await openNewRoutine(page);
  await fillRoutine(page, { name, amount: "4" });
  await confirm(page);
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

/** How many refresh_token grants the emulator has answered, read from its tables in the shared database. */
async function refreshGrants(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.MULTI_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM token_grants WHERE grant_type = 'refresh_token'",
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

test("a session signed in through one instance reads the dashboard through the other", async ({ page, context }) => {
  // Shared: the emulator's store (the tokens it issued) in Postgres, and one AUTH_SECRET for the session cookie.
  await pin(context, 0);
  await signInAsDemoUser(page);

  await pin(context, 1);
  const response = await page.goto("/dashboard");
  expect(servedBy(response)).toBe("1");
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
  await expect(page.getByText("Everyday Checking").first()).toBeVisible();
});

test("a webhook that lands on one instance updates a page open on the other", async ({ page, context }) => {
  // Shared: the live-update relay (the app_user_events outbox the stream reads).
  await pin(page, 0);
  await signInAsDemoUser(page);

  const watcher = await context.newPage();
  await pin(watcher, 1);
  const stream = watcher.waitForResponse((answer) => new URL(answer.url()).pathname === "/api/astra/events");
  expect(servedBy(await watcher.goto("/routines"))).toBe("1");
  expect(servedBy(await stream)).toBe("1");
  // A second listener in the same tab records what instance 1's stream relays.
  await watcher.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.astraEvents = [];
        const source = new EventSource("/api/astra/events");
        source.addEventListener("open", () => resolve());
        source.addEventListener("astra", (event) => window.astraEvents!.push((event as MessageEvent<string>).data));
      }),
  );

  // Made through instance 0: its due work makes the transfer and hands the webhooks to instance 0's receiver.
  const name = uniqueName("Relay drill");
  await createRoutine(page, name);

  await expect.poll(() => watcher.evaluate(() => window.astraEvents?.length ?? 0)).toBeGreaterThan(0);
  // The list on instance 1 refreshed itself: no reload here.
  await expect(watcher.getByText(name)).toBeVisible();
});

test("20 parallel requests with an expired token, spread over both instances, cause exactly one refresh", async ({
  page,
  context,
}) => {
  // Shared: the token hand-over (one refresh across instances, its successor in app_token_successors).
  await pin(context, 0);
  await signInAsDemoUser(page);
  const expired = await page.request.post("/api/dev-tools", { data: { action: "expire-token" } });
  expect(expired.status()).toBe(200);
  const before = await refreshGrants();

  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      page.request.get("/api/astra/transfers", { headers: { "x-instance": String(i % 2) } }),
    ),
  );
  expect(answers.map((answer) => answer.status())).toEqual(Array(20).fill(200));
  expect(new Set(answers.map((answer) => answer.headers()["x-served-by"]))).toEqual(new Set(["0", "1"]));
  expect(await refreshGrants()).toBe(before + 1);
});

test("two users never see each other's data, whichever instance serves them", async ({ browser }) => {
  // Shared: the emulator's store, scoped per user; the positive check (Avery's routine through instance 1)
  // needs the store shared, the negative one needs the scoping.
  const avery = await browser.newContext();
  const other = await browser.newContext();
  try {
    const averyPage = await avery.newPage();
    await pin(avery, 0);
    await signInAsDemoUser(averyPage);
    const name = uniqueName("Private drill");
    await createRoutine(averyPage, name);
    await pin(avery, 1);
    expect(servedBy(await averyPage.goto("/routines"))).toBe("1");
    await expect(averyPage.getByText(name)).toBeVisible();

    // A second test user, signed in through instance 1: a test phone without a user becomes a new one.
    const otherPage = await other.newPage();
    await pin(other, 1);
    await otherPage.goto("/");
    const signIn = new SignInFlow(otherPage);
    await signIn.start();
    await signIn.module.enterPhone(String(2025550160 + Math.floor(Math.random() * 40)));
    await signIn.module.enterCode();
    const profile = otherPage.getByLabel("First name");
    await expect(profile.or(otherPage.getByRole("button", { name: "Authorize" }))).toBeVisible();
    if (await profile.isVisible()) {
      await signIn.module.completeProfile({ firstName: "Blair", lastName: "Other", email: "blair.other@example.com" });
    }
    await signIn.module.authorize();
    await expect(otherPage).toHaveURL(`${PROXY_URL}/dashboard`);

    for (const instance of [0, 1] as const) {
      await pin(other, instance);
      expect(servedBy(await otherPage.goto("/dashboard"))).toBe(String(instance));
      await expect(otherPage.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(otherPage.getByText("Everyday Checking")).toHaveCount(0);
      expect(servedBy(await otherPage.goto("/routines"))).toBe(String(instance));
      await expect(otherPage.getByRole("heading", { name: "Routines" })).toBeVisible();
      await expect(otherPage.getByText(name)).toHaveCount(0);
    }
  } finally {
    await avery.close();
    await other.close();
  }
});

test("restarting both instances loses nothing: the routine is there and the session still valid", async ({
  page,
  context,
}) => {
  // Shared: everything above lives in Postgres and the cookie, nothing in a process that a restart ends.
  test.setTimeout(180_000);
  await pin(context, 0);
  await signInAsDemoUser(page);
  const name = uniqueName("Kept drill");
  await createRoutine(page, name);

  const restarted = await fetch(`${CONTROL_URL}/restart`, { method: "POST", signal: AbortSignal.timeout(150_000) });
  expect(restarted.status, await restarted.text()).toBe(204);

  for (const instance of [1, 0] as const) {
    await pin(context, instance);
    const response = await page.goto("/routines");
    expect(servedBy(response)).toBe(String(instance));
    await expect(page).toHaveURL(`${PROXY_URL}/routines`);
    await expect(page.getByText(name)).toBeVisible();
  }
});
