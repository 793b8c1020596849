import { readdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { expect, test } from "./fixtures";
import { fillRoutine } from "./routine-form";
import { CLIENT_SECRET, E2E_AUTH_SECRET } from "./ports";

// Everything a browser can see, on every page, must hold none of the server's secrets: the user's Astra access
// and refresh tokens (read here from the encrypted session cookie with the suite's AUTH_SECRET, so these are the
// real values the app holds), the app's client secret, which is also the key Astra signs webhooks with, and
// AUTH_SECRET itself.
const SESSION_COOKIE = "authjs.session-token";

async function sessionTokens(context: BrowserContext): Promise<string[]> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "a session cookie").toBeDefined();
  const jwt = await decode({ token: cookie!.value, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE });
  const tokens = [jwt?.accessToken, jwt?.refreshToken].filter((t): t is string => typeof t === "string");
  expect(tokens, "the session holds an access and a refresh token").toHaveLength(2);
  return tokens;
}

/** Every built JS and CSS file, fetched over HTTP as a browser would (not only the ones a page happened to load). */
function builtAssets(): string[] {
  const root = path.resolve(".next/static");
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|css)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  return files.map((file) => `/_next/static/${file}`);
}

type Surface = { where: string; text: string };

/** What the page itself exposes to scripts: its DOM, cookies and both storages. */
async function pageSurfaces(page: Page, pagePath: string): Promise<Surface[]> {
  const seen = await page.evaluate(() => ({
    dom: document.documentElement.outerHTML,
    cookie: document.cookie,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  return [
    { where: `${pagePath} DOM`, text: seen.dom },
    { where: `${pagePath} document.cookie`, text: seen.cookie },
    { where: `${pagePath} localStorage`, text: seen.local },
    { where: `${pagePath} sessionStorage`, text: seen.session },
  ];
}

test(
  "no token, client secret or webhook secret reaches any surface a browser sees",
  { tag: "@emulator-only" },
  async ({ page, context, signIn }) => {
    test.setTimeout(120_000);
    const surfaces: Surface[] = [];
    page.on("response", async (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (/javascript|html|json|text|x-component/.test(type)) {
        surfaces.push({ where: `response ${response.url()}`, text: await response.text().catch(() => "") });
      }
    });

    const visit = async (pagePath: string) => {
      await page.goto(pagePath);
      await expect(page.locator("main")).toBeVisible();
      surfaces.push(...(await pageSurfaces(page, pagePath)));
      // The RSC payload a client-side navigation to this page would fetch.
      const rsc = await page.request.get(pagePath, { headers: { RSC: "1" } });
      surfaces.push({ where: `${pagePath} RSC payload`, text: await rsc.text() });
    };

    for (const pagePath of ["/", "/signin", "/test-user", "/no-such-page"]) await visit(pagePath);

    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page.getByRole("article", { name: /Everyday Checking/ })).toBeVisible();
    const tokens = await sessionTokens(context);

    // A routine gives the routine page something to show.
    await page.goto("/routines/new");
    await fillRoutine(page, { name: "Secret check", amount: "7" });
    await page.getByRole("button", { name: "Review" }).click();
    await page.getByRole("button", { name: "Confirm and create" }).click();
    await expect(page.getByRole("heading", { name: "Secret check" })).toBeVisible();
    const routinePath = new URL(page.url()).pathname;

    await page.goto("/dashboard");
    const accountHref = await page.getByRole("link", { name: "Everyday Checking" }).first().getAttribute("href");
    for (const pagePath of [
      "/dashboard",
      "/routines",
      "/routines/new",
      routinePath,
      "/transfers",
      accountHref!,
      "/accounts/linked",
    ]) {
      await visit(pagePath);
    }

    const session = await page.request.get("/api/auth/session");
    const sessionJson = await session.json();
    expect(Object.keys(sessionJson).sort()).toEqual(["expires", "user"]);
    expect(Object.keys(sessionJson.user).sort()).toEqual(["email", "id", "name", "status"]);
    surfaces.push({ where: "/api/auth/session", text: JSON.stringify(sessionJson) });
    surfaces.push({
      where: "/api/astra/transfers",
      text: await (await page.request.get("/api/astra/transfers")).text(),
    });

    for (const asset of builtAssets()) {
      const response = await page.request.get(asset);
      expect(response.ok(), asset).toBe(true);
      surfaces.push({ where: asset, text: await response.text() });
    }

    // The session cookie itself is encrypted and out of scripts' reach.
    const sessionCookie = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
    expect(sessionCookie?.httpOnly).toBe(true);
    expect(sessionCookie?.sameSite).toBe("Lax");

    // Tokens the app may have refreshed while the pages loaded count too.
    const secrets = [...new Set([...tokens, ...(await sessionTokens(context)), CLIENT_SECRET, E2E_AUTH_SECRET])];
    expect(surfaces.length).toBeGreaterThan(50);
    const leaks = surfaces.flatMap(({ where, text }) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where} holds ${secret.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
  },
);
