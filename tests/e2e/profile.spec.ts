import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("Profile", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await page.goto("/");
    await signIn.asDemoUser();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("link", { name: "Profile", exact: true }).first().click();
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  });

  test(
    "shows what the user may do, updates the email, and requests phone and address changes within Astra's limits",
    { tag: "@emulator-only" },
    async ({ page }) => {
      const can = page.getByRole("region", { name: "What you can do" });
      await expect(can.getByRole("listitem").filter({ hasText: "Move money with routines" })).toContainText("Allowed");
      await expectNoAxeViolations(page);

      const email = page.getByRole("region", { name: "Email" });
      await email.getByLabel("New email").fill("not-an-email");
      await email.getByRole("button", { name: "Update email" }).click();
      await expect(email.getByText("Enter an email address, like name@example.com.")).toBeVisible();
      await email.getByLabel("New email").fill("avery.new@example.com");
      await email.getByRole("button", { name: "Update email" }).click();
      await expect(email.getByRole("status")).toHaveText("Email updated.");
      await expect(email).toContainText("Now: avery.new@example.com");

      const phone = page.getByRole("region", { name: "Phone number" });
      await expect(phone).toContainText("Now: (202) 555-0123");
      await phone.getByLabel("New phone number").fill("(202) 555-0177");
      await phone.getByRole("button", { name: "Request the change" }).click();
      await expect(phone.getByRole("status")).toContainText("Requested.");
      await expect(phone.getByRole("list", { name: "Phone change requests" })).toContainText("(202) 555-0177");
      await phone.getByLabel("New phone number").fill("2025550178");
      await phone.getByRole("button", { name: "Request the change" }).click();
      await expect(phone.getByRole("alert")).toContainText("one phone number change request per 30 days");
      await expect(phone.getByRole("list", { name: "Phone change requests" }).getByRole("listitem")).toHaveCount(1);

      const address = page.getByRole("region", { name: "Address" });
      await address.getByRole("button", { name: "Request the change" }).click();
      await expect(address.getByRole("alert")).toContainText("Fill in at least the part of your address that changed.");
      for (const city of ["Oakland", "Berkeley"]) {
        await address.getByLabel("City").fill(city);
        await address.getByRole("button", { name: "Request the change" }).click();
        await expect(address.getByRole("status")).toContainText("Requested.");
        // A successful form action resets the form: the sign that this request, not the last, was answered.
        await expect(address.getByLabel("City")).toHaveValue("");
      }
      await address.getByLabel("City").fill("Alameda");
      await address.getByRole("button", { name: "Request the change" }).click();
      await expect(address.getByRole("alert")).toContainText("two address changes per 120 days");
      await expectNoAxeViolations(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoAxeViolations(page);
    },
  );

  test(
    "a section Astra fails to answer shows the failure in its place, and the other sections and forms still work",
    { tag: "@emulator-only" },
    async ({ page, emulator }) => {
      await emulator.injectFault({ method: "GET", path: "/v1/phone_number_change_requests", status: 503, count: 10 });
      try {
        await page.reload();
        const phone = page.getByRole("region", { name: "Phone number" });
        await expect(phone.getByRole("alert")).toContainText("Astra is not reachable right now");
        await expect(phone.getByLabel("New phone number")).toBeVisible();
        await expect(phone).toContainText("Now: ");
        await expect(page.getByRole("region", { name: "What you can do" }).getByRole("listitem").first()).toBeVisible();
        await expect(page.getByRole("region", { name: "Email" }).getByLabel("New email")).toBeVisible();
        await expect(page.getByRole("region", { name: "Address" }).getByLabel("City")).toBeVisible();
        await expect(page.getByRole("main").getByRole("alert")).toHaveCount(1);
      } finally {
        await emulator.clearFaults();
      }
    },
  );
});
