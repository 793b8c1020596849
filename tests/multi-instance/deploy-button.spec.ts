import { expect, test } from "@playwright/test";
import { CONTROL_URL, PROXY_URL } from "./ports";
import { tryTheDemo } from "../e2e/demo-visit";

// The README's Deploy button makes a Vercel project with AUTH_SECRET, CRON_SECRET and Neon's DATABASE_URL only:
// no ASTRA_ENV (lib/env.ts infers the demo from VERCEL=1) and no AUTH_URL (origins come from each request). The
// instances here run exactly that (instances.ts). A fresh instance's first visitor must get in: the embedded
// emulator is registered at boot (instrumentation.ts), not by whichever request happens to reach /emulator first.

test("the Deploy button's configuration: Try the demo, pressed first on freshly booted instances, signs the visitor in", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const restarted = await fetch(`${CONTROL_URL}/restart`, { method: "POST", signal: AbortSignal.timeout(150_000) });
  expect(restarted.status, await restarted.text()).toBe(204);

  // Nothing but this page has reached either instance since they booted (they are awaited by TCP, not HTTP).
  await tryTheDemo(page);
  await expect(page).toHaveURL(`${PROXY_URL}/dashboard`);
  await expect(page.getByText("Joint Checking").first()).toBeVisible();
});
