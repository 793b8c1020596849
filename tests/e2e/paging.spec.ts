import { request, type BrowserContext } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { E2E_AUTH_SECRET, EMULATOR_URL } from "./ports";

// The routines list shows 20 a page (ROUTINES_PAGE_SIZE); 21 routines need two pages. They are made through
// the emulator's REST API with the signed-in user's own access token (read from the session cookie with the
// suite's AUTH_SECRET), which is far quicker than 21 trips through the form.
const SESSION_COOKIE = "authjs.session-token";
const ROUTINES = 21;
const name = (n: number) => `Paged routine ${String(n).padStart(2, "0")}`;

async function accessToken(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  const jwt = await decode({ token: cookie!.value, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE });
  expect(typeof jwt?.accessToken, "the session holds an access token").toBe("string");
  return jwt!.accessToken as string;
}

async function makeRoutines(token: string, today: string) {
  const api = await request.newContext({
    baseURL: EMULATOR_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  try {
    const accounts = (await (await api.get("/v1/accounts")).json()) as { accounts: { id: string }[] };
    const [source, destination] = accounts.accounts;
    const ids: string[] = [];
    // One at a time, oldest first, so "newest first" has one order.
    for (let n = 1; n <= ROUTINES; n++) {
      const response = await api.post("/v1/routines", {
        data: {
          type: "recurring",
          name: name(n),
          payment_type: "ach",
          source_id: source!.id,
          destination_id: destination!.id,
          amount: n,
          start_date: today,
          frequency: "monthly",
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    // Pause the two oldest: with every status on page 1, they would be on page 2 (or off it).
    for (const id of ids.slice(0, 2)) {
      const response = await api.put(`/v1/routines/${id}`, { data: { status: "inactive" } });
      expect(response.ok(), await response.text()).toBe(true);
    }
  } finally {
    await api.dispose();
  }
}

test.describe("Paging", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test(
    "the routines list pages through every routine, and its status filter reaches all of them",
    { tag: "@emulator-only" },
    async ({ page, context, emulator }) => {
      await makeRoutines(await accessToken(context), (await emulator.clock()).today);

      await page.goto("/routines");
      const list = page.getByRole("list", { name: "Routines" });
      const pager = page.getByRole("navigation", { name: "Routines pages" });
      await expect(list.getByRole("listitem")).toHaveCount(20);
      await expect(list).toContainText(name(21));
      await expect(list).not.toContainText(name(1));
      await expect(pager.getByTestId("page-position")).toHaveText("Page 1 of 2");
      await expect(pager.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
      await expectNoAxeViolations(page);

      await pager.getByRole("link", { name: "Older →" }).click();
      await expect(page).toHaveURL(/\/routines\?page=2$/);
      await expect(list.getByRole("listitem")).toHaveCount(1);
      await expect(list).toContainText(name(1));
      await expect(pager.getByTestId("page-position")).toHaveText("Page 2 of 2");
      await expect(pager.getByRole("link", { name: "Older →" })).toHaveCount(0);
      await pager.getByRole("link", { name: "← Newer" }).click();
      await expect(page).toHaveURL(/\/routines$/);

      // Paused: both oldest routines, one of which no page-1 filter could have found.
      await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Paused" }).click();
      await expect(page).toHaveURL(/\/routines\?status=inactive$/);
      await expect(list.getByRole("listitem")).toHaveCount(2);
      await expect(list).toContainText(name(1));
      await expect(list).toContainText(name(2));
      await expect(pager).toHaveCount(0);
    },
  );

  test(
    "a bad or far-off page in the URL is page 1 or a friendly empty page, never an error",
    { tag: "@emulator-only" },
    async ({ page }) => {
      for (const path of [
        "/routines?page=abc",
        "/routines?page=0",
        "/routines?page=99999999999",
        "/transfers?page=-2",
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
      const response = await page.goto("/routines?page=9999");
      expect(response?.status()).toBe(200);
      await expect(page.getByText("Nothing on page 9999.")).toBeVisible();
      await page.getByRole("link", { name: "Go to the first page" }).click();
      await expect(page).toHaveURL(/\/routines$/);
    },
  );
});
