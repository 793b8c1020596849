import { expect, test } from "@playwright/test";
import { siteConfig } from "../../config/site";
import { APP_URL, DEMO_URL } from "./ports";

// What a link preview, a crawler and a browser tab read: robots.txt per mode, the social card, the icon and the
// metadata, all from config/site.ts.

test("robots.txt keeps crawlers out of the public demo and lets them into any other deployment", async ({
  request,
}) => {
  const demo = await request.get(`${DEMO_URL}/robots.txt`);
  expect(demo.status()).toBe(200);
  expect(await demo.text()).toMatch(/^Disallow: \/$/m);

  const app = await request.get(`${APP_URL}/robots.txt`);
  expect(app.status()).toBe(200);
  const text = await app.text();
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).not.toMatch(/^Disallow/m);
});

test("the public demo's pages ask search engines not to index them; the app's do not", async ({ page }) => {
  await page.goto(`${DEMO_URL}/`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await page.goto("/");
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
});

test("the social card and the icon are images", async ({ request }) => {
  for (const path of ["/opengraph-image", "/icon", "/favicon.ico"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe("image/png");
    // A PNG's signature, so an error page served as image/png does not pass.
    expect([...(await response.body()).subarray(0, 4)], path).toEqual([0x89, 0x50, 0x4e, 0x47]);
  }
});

test("the landing page names the product, links the card by absolute URL and paints in the brand colour", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveTitle(siteConfig.name);
  const meta = (property: string) => page.locator(`meta[property="${property}"]`);
  await expect(meta("og:title")).toHaveAttribute("content", siteConfig.name);
  await expect(meta("og:description")).toHaveAttribute("content", siteConfig.description);
  await expect(meta("og:image")).toHaveAttribute("content", new RegExp(`^${APP_URL}/opengraph-image`));
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/icon/);

  // rgb() of the configured hex: the layout's nonced style reached the stylesheet's brand shades.
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(siteConfig.brandColor.slice(at, at + 2), 16));
  await expect(page.getByRole("button", { name: /sign in with astra/i })).toHaveCSS(
    "background-color",
    `rgb(${r}, ${g}, ${b})`,
  );
  await expect(
    page.getByRole("banner").getByRole("link", { name: siteConfig.name }).locator("svg rect"),
  ).toHaveAttribute("fill", siteConfig.brandColor);
});
