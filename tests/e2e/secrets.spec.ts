import { expect, test } from "./fixtures";

// The emulator's seeded client secret: the app knows it, the browser must never see it.
const CLIENT_SECRET = "astra_emulator_secret_do_not_use_in_production";

test("no token or client secret reaches the browser", { tag: "@emulator-only" }, async ({ page, context, signIn }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/javascript|html|json|text/.test(type)) bodies.push(await response.text().catch(() => ""));
  });

  await page.goto("/");
  await signIn.asDemoUser();
  await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();

  const sessionResponse = await page.request.get("/api/auth/session");
  const session = await sessionResponse.json();
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  expect(Object.keys(session.user).sort()).toEqual(["email", "id", "name", "status"]);
  expect(JSON.stringify(session)).not.toMatch(/token/i);

  const cookies = await context.cookies();
  const sessionCookie = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(sessionCookie?.httpOnly).toBe(true);
  expect(sessionCookie?.sameSite).toBe("Lax");
  for (const cookie of cookies.filter((c) => !c.httpOnly)) {
    expect(cookie.value).not.toContain(CLIENT_SECRET);
  }
  // Scripts see no cookie that holds the session.
  const scriptCookies = await page.evaluate(() => document.cookie);
  expect(scriptCookies).not.toContain("session-token");

  await page.reload();
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(CLIENT_SECRET);
});
