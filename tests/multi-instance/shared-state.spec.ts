import { createHmac, randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page, type Response } from "@playwright/test";
import { tryTheDemo } from "../e2e/demo-visit";
import { confirm, fillVisitorRoutine, openNewRoutine } from "../e2e/routine-form";
import { serializeWebhookPayload, signWebhookBody } from "../../packages/astra-emulator/src/webhooks/signature";
import { CONTROL_URL, INSTANCE_URLS, MULTI_AUTH_SECRET, PROXY_URL } from "./ports";
import { sharedQuery } from "./shared-db";

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

/** The public demo's one way in: a fresh visitor of this browser's own (tests/e2e/demo-visit.ts). */
async function signInAsVisitor(page: Page) {
  await tryTheDemo(page);
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
}

async function createRoutine(page: Page, name: string) {
  await openNewRoutine(page);
  await fillVisitorRoutine(page, name);
  await confirm(page);
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

/** How many refresh_token grants the emulator has answered, read from its tables in the shared database. */
async function refreshGrants(): Promise<number> {
  const [row] = await sharedQuery<{ n: number }>(
    "SELECT COUNT(*)::int AS n FROM token_grants WHERE grant_type = 'refresh_token'",
  );
  return row!.n;
}

/** The emulator's row for the routine a test made, read from its tables in the shared database. */
async function routineNamed(name: string): Promise<{ id: string; user_id: string }> {
  const [row] = await sharedQuery<{ id: string; user_id: string }>("SELECT id, user_id FROM routines WHERE name = $1", [
    name,
  ]);
  return row!;
}

test("a session signed in through one instance reads the dashboard through the other", async ({ page, context }) => {
  // Shared: the emulator's store (the tokens it issued) in Postgres, and one AUTH_SECRET for the session cookie.
  await pin(context, 0);
  await signInAsVisitor(page);

  await pin(context, 1);
  const response = await page.goto("/dashboard");
  expect(servedBy(response)).toBe("1");
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
  await expect(page.getByText("Everyday Checking").first()).toBeVisible();
});

test("a webhook that lands on one instance updates a page open on the other", async ({ page, context }) => {
  // Shared: the live-update relay (the app_user_events outbox the stream reads).
  await pin(page, 0);
  await signInAsVisitor(page);

  const watcher = await context.newPage();
  await pin(watcher, 1);
  const stream = watcher.waitForResponse((answer) => new URL(answer.url()).pathname === "/api/astra/events");
  expect(servedBy(await watcher.goto("/routines"))).toBe("1");
  expect(servedBy(await stream)).toBe("1");
  // A second listener in the same tab records what instance 1's stream relays.
  await watcher.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        window.astraEvents = [];
        const source = new EventSource("/api/astra/events");
        source.addEventListener("open", () => resolve());
        // Refused (a 429 past the per-user cap, say): fail here rather than wait out the test's timeout.
        source.addEventListener("error", () => {
          if (source.readyState === EventSource.CLOSED) reject(new Error("the live-updates stream was refused"));
        });
        source.addEventListener("astra", (event) => window.astraEvents!.push((event as MessageEvent<string>).data));
      }),
  );

  const name = uniqueName("Relay drill");
  await createRoutine(page, name);
  // Astra's webhook about it lands on instance 0, signed as Astra signs it.
  const { id, user_id } = await routineNamed(name);
  const body = serializeWebhookPayload({
    webhook_type: "routine_updated",
    resource_id: id,
    user_id,
    webhook_id: randomUUID(),
  });
  const landed = await page.request.post(`${INSTANCE_URLS[0]}/api/webhooks/astra`, {
    data: body,
    headers: { "content-type": "application/json", "astra-verification": signWebhookBody(body, demoClientSecret) },
  });
  expect(landed.status()).toBe(200);

  await expect.poll(() => watcher.evaluate(() => window.astraEvents?.length ?? 0)).toBeGreaterThan(0);
  // The list on instance 1 refreshed itself: no reload here.
  await expect(watcher.getByText(name)).toBeVisible();
});

/**
 * The webhook secret of the embedded emulator's app: lib/env.ts derives it from AUTH_SECRET (that module is
 * server-only, so it is computed here the same way). A wrong derivation shows as a 401 below, never a pass.
 */
const demoClientSecret = createHmac("sha256", MULTI_AUTH_SECRET)
  .update("astra-emulator-client-secret")
  .digest("base64url");

/** How many live-update events the app recorded for a resource, read from the shared outbox. */
async function userEventsFor(resourceId: string): Promise<number> {
  const [row] = await sharedQuery<{ n: number }>(
    "SELECT COUNT(*)::int AS n FROM app_user_events WHERE resource_id = $1",
    [resourceId],
  );
  return row!.n;
}

test("the same webhook delivered to both instances at once is handled exactly once", async ({ request }) => {
  // Shared: the webhook ids already handled (app_webhook_ids). Astra retries a delivery it saw time out, and a
  // retry may land on any instance: both must agree that the id is taken.
  const resourceId = `transfer-${randomUUID()}`;
  // The bytes Astra sends (Python's json.dumps of the payload), as the emulator's dispatcher writes them.
  const body = serializeWebhookPayload({
    webhook_type: "transfer_updated",
    resource_id: resourceId,
    user_id: `user-${randomUUID()}`,
    webhook_id: randomUUID(),
  });
  const deliver = (url: string) =>
    request.post(`${url}/api/webhooks/astra`, {
      data: body,
      headers: {
        "content-type": "application/json",
        "astra-verification": signWebhookBody(body, demoClientSecret),
      },
    });

  const answers = await Promise.all(INSTANCE_URLS.map(deliver));
  expect(answers.map((answer) => answer.status())).toEqual([200, 200]);
  const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { duplicate?: boolean }[];
  expect(bodies.filter((answer) => answer.duplicate === true)).toHaveLength(1);
  // A later retry, through the proxy to whichever instance, is a duplicate too.
  expect(await (await deliver(PROXY_URL)).json()).toMatchObject({ received: true, duplicate: true });
  expect(await userEventsFor(resourceId)).toBe(1);
});

test("20 parallel requests with an expired token, spread over both instances, cause exactly one refresh", async ({
  page,
  context,
}) => {
  // Shared: the token hand-over (one refresh across instances, its successor in app_token_successors).
  await pin(context, 0);
  await signInAsVisitor(page);
  const expired = await page.request.post("/api/dev-tools", {
    data: { action: "expire-token" },
    headers: { origin: PROXY_URL },
  });
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

/** The visitor's "today" by their own sandbox clock: the routine form's default transfer date. */
async function visitorToday(page: Page): Promise<string> {
  await openNewRoutine(page);
  return page.getByLabel("Transfer on").inputValue();
}

test("two visitors never see each other's data or clock, whichever instance serves them", async ({ browser }) => {
  // Shared: the emulator's store with its visitor scope (user_clocks), read the same by both instances; the
  // positive checks (the first visitor's routine and clock through instance 1) need it shared.
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const firstPage = await first.newPage();
    await pin(first, 0);
    const firstVisitor = await tryTheDemo(firstPage);
    const realToday = await visitorToday(firstPage);
    const name = uniqueName("Visitor drill");
    await fillVisitorRoutine(firstPage, name);
    await confirm(firstPage);
    await expect(firstPage.getByRole("heading", { name })).toBeVisible();
    const advanced = await firstPage.request.post("/api/dev-tools", {
      data: { action: "advance", days: 5 },
      headers: { origin: PROXY_URL },
    });
    expect(advanced.status()).toBe(200);
    await pin(first, 1);
    const firstToday = await visitorToday(firstPage);
    expect(firstToday > realToday).toBe(true);
    expect(servedBy(await firstPage.goto("/routines"))).toBe("1");
    await expect(firstPage.getByText(name)).toBeVisible();

    const secondPage = await second.newPage();
    await pin(second, 1);
    expect(await tryTheDemo(secondPage)).not.toBe(firstVisitor);
    for (const instance of [0, 1] as const) {
      await pin(second, instance);
      expect(await visitorToday(secondPage)).toBe(realToday);
      expect(servedBy(await secondPage.goto("/routines"))).toBe(String(instance));
      await expect(secondPage.getByRole("heading", { name: "Routines" })).toBeVisible();
      await expect(secondPage.getByText(name)).toHaveCount(0);
    }
  } finally {
    await first.close();
    await second.close();
  }
});

test("restarting both instances loses nothing: the routine is there and the session still valid", async ({
  page,
  context,
}) => {
  // Shared: everything above lives in Postgres and the cookie, nothing in a process that a restart ends.
  test.setTimeout(180_000);
  await pin(context, 0);
  await signInAsVisitor(page);
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
