import { expect, test } from "@playwright/test";
import { EMULATOR_DEVELOPER_EMAIL, EMULATOR_DEVELOPER_PASSWORD } from "../../config/emulator-defaults";
import { PROXY_URL } from "./ports";
import { sharedQuery } from "./shared-db";

// Issue 17, "the public dashboard": an anonymous visitor of the production demo (two instances, one Postgres)
// attacks the emulator's dashboard. It must show them the app's public facts and nothing else: no visitor's
// phone, name or email, not the client secret, no sign-in, no write, no way to delete the app.
// Public demo here means a production demo build. Until lib/env.ts says so by itself, run this spec with
// VERCEL=1 (the harness passes its environment to `next start`), which makes these instances a public demo too.

const DASHBOARD = `${PROXY_URL}/emulator/dashboard`;

/** What must never reach an anonymous visitor: every app's secret and every user's and intent's identity. */
async function privateValues(): Promise<string[]> {
  const apps = await sharedQuery<{ client_secret: string }>("SELECT client_secret FROM apps");
  const people = await sharedQuery<{ phone: string; first_name: string; last_name: string; email: string }>(
    "SELECT phone, first_name, last_name, email FROM users UNION ALL SELECT phone, first_name, last_name, email FROM user_intents",
  );
  const values = [
    ...apps.map((app) => app.client_secret),
    ...people.flatMap((person) => [person.phone, person.email]),
    // Short names ("Demo") could be ordinary words of the page.
    ...people.flatMap((person) => [person.first_name, person.last_name]).filter((name) => name.length >= 5),
    EMULATOR_DEVELOPER_EMAIL,
  ];
  expect(values.length, "the demo has users and a secret to protect").toBeGreaterThan(3);
  return values;
}

const appRow = () =>
  sharedQuery<Record<string, unknown>>(
    "SELECT client_id, client_secret, developer_id, name, redirect_uris, webhook_url FROM apps ORDER BY client_id",
  );

/** Runs `run` pinned to each instance in turn (the proxy honours `x-instance`), so both answer the same way. */
async function onEachInstance(run: (headers: Record<string, string>) => Promise<void>) {
  for (const instance of ["0", "1"]) await run({ "x-instance": instance });
}

test("an anonymous visitor sees the app's public facts, and no visitor's data or the secret", async ({
  page,
  request,
}) => {
  const secrets = await privateValues();
  const [app] = await sharedQuery<{ client_id: string }>("SELECT client_id FROM apps");
  await onEachInstance(async (headers) => {
    await page.setExtraHTTPHeaders(headers);
    const response = await page.goto(DASHBOARD);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(app?.client_id ?? "no app")).toBeVisible();
    const html = await page.content();
    for (const secret of secrets) expect(html, `instance ${headers["x-instance"]}`).not.toContain(secret);
    expect(await page.locator("form").count()).toBe(0);
    for (const path of ["/login", "/signup", `/apps/${app?.client_id}?reveal=1`, `/apps/${app?.client_id}/users`]) {
      const other = await request.get(`${DASHBOARD}${path}`, { headers, maxRedirects: 0 });
      expect(other.status(), path).toBe(404);
      const text = await other.text();
      for (const secret of secrets) expect(text, path).not.toContain(secret);
    }
  });
});

test("an anonymous visitor cannot sign in, change, reveal or delete anything", async ({ request }) => {
  const before = await appRow();
  const [app] = await sharedQuery<{ client_id: string }>("SELECT client_id FROM apps");
  const appPath = `${DASHBOARD}/apps/${app?.client_id}`;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const writes: [string, Record<string, string>][] = [
    [`${DASHBOARD}/login`, { email: EMULATOR_DEVELOPER_EMAIL, password: EMULATOR_DEVELOPER_PASSWORD }],
    [
      `${DASHBOARD}/signup`,
      { email: "attacker@example.com", password: "attacker-password", confirm: "attacker-password" },
    ],
    [
      appPath,
      { name: "Owned", redirect_uris: "https://attacker.example/cb", webhook_url: "https://attacker.example/h" },
    ],
    [`${appPath}/reveal-secret`, {}],
    [`${appPath}/delete`, {}],
    [`${DASHBOARD}/apps`, { name: "Attacker app", redirect_uris: "https://attacker.example/cb" }],
  ];
  await onEachInstance(async (headers) => {
    for (const [url, fields] of writes) {
      const response = await request.post(url, {
        // No Origin header, as a script sends it: the cross-site guard lets it through to the routes.
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        data: form(fields),
        maxRedirects: 0,
      });
      expect(response.status(), url).toBe(403);
      // The public dashboard's own refusal, not the cross-site guard's.
      expect(await response.text(), url).toContain("read-only");
      expect(response.headers()["set-cookie"], url).toBeUndefined();
    }
  });
  expect(await appRow()).toEqual(before);
  expect(await sharedQuery("SELECT token_hash FROM developer_sessions")).toEqual([]);
  expect(await sharedQuery("SELECT id FROM developers WHERE email = 'attacker@example.com'")).toEqual([]);
});
