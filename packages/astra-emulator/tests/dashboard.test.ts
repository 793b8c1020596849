import { describe, expect, it } from "vitest";
import { LOGIN_FAILED } from "../src/routes/dashboard/auth";
import { SEED_DEVELOPER } from "../src/store/seed";
import { cookieOf, dashboardSuite, ORIGIN, PASSWORD, signupFields } from "./dashboard-helpers";
import { DEFAULT_APP } from "./helpers";

const suite = dashboardSuite();
const { get, post } = suite;

describe("developer accounts", () => {
  it("rejects bad sign-ups field by field, keeps the email and never echoes passwords", async () => {
    const valid = signupFields("dev@example.com");
    const cases: [Record<string, string>, string][] = [
      [{ ...valid, email: "not-an-email" }, "Enter an email address"],
      [{ ...valid, password: "short", confirm: "short" }, "at least 10 characters"],
      [{ ...valid, confirm: `${PASSWORD}!` }, "passwords do not match"],
    ];
    for (const [fields, message] of cases) {
      const response = await post("/dashboard/signup", fields);
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(html).toContain(message);
      expect(html).toContain(`value="${fields.email ?? ""}"`);
      expect(html).not.toContain(fields.password ?? "");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("asks Astra's sign-up questions: first and last name and both agreements, each validated", async () => {
    const page = await (await get("/dashboard/signup")).text();
    for (const label of [
      "First name",
      "Last name",
      "I agree to the Developer Policy",
      "I agree to the Terms of Service",
      "Create Account",
    ]) {
      expect(page).toContain(label);
    }
    const { email, password, confirm } = signupFields("names@example.com");
    const bare = { email: email ?? "", password: password ?? "", confirm: confirm ?? "" };
    const response = await post("/dashboard/signup", { ...bare, first_name: " ", last_name: "" });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("Enter your first name.");
    expect(html).toContain("Enter your last name.");
    expect(html).toContain("Agree to the Developer Policy to create an account.");
    expect(html).toContain("Agree to the Terms of Service to create an account.");
    expect(html).toContain('value="names@example.com"');
    expect(await suite.sandbox.store.developers.logIn("names@example.com", PASSWORD)).toBeNull();

    const ticked = await post("/dashboard/signup", { ...bare, first_name: "Ada", last_name: "", agree_policy: "on" });
    const kept = await ticked.text();
    expect(kept).toContain('value="Ada"');
    expect(kept).toMatch(/id="agree_policy"[^>]*checked/);
    expect(kept).not.toMatch(/id="agree_terms"[^>]*checked/);

    expect((await post("/dashboard/signup", signupFields("names@example.com"))).status).toBe(303);
    expect(await suite.sandbox.store.developers.logIn("names@example.com", PASSWORD)).toMatchObject({
      firstName: "Dana",
      lastName: "Developer",
    });
  });

  it("signs up into a session cookie that is HttpOnly, SameSite=Strict and lasts 7 days", async () => {
    const response = await post("/dashboard/signup", signupFields("New.Dev@Example.com"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^astra_sandbox_dev=[^;]{20,}/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).toMatch(/;\s*Max-Age=604800/);
    expect(setCookie).toMatch(/;\s*Path=\/dashboard/);
    const page = await get("/dashboard", cookieOf(response));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("new.dev@example.com");
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await suite.dashboard.signUp("twice@example.com");
    const response = await post("/dashboard/signup", signupFields("TWICE@example.com"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("already exists");
  });

  it("logs in with the right password and gives one message for a wrong password or an unknown email", async () => {
    await suite.dashboard.signUp("login@example.com");
    const ok = await post("/dashboard/login", { email: "login@example.com", password: PASSWORD });
    expect(ok.status).toBe(303);
    expect((await get("/dashboard", cookieOf(ok))).status).toBe(200);

    for (const email of ["login@example.com", "nobody@example.com"]) {
      const response = await post("/dashboard/login", { email, password: "wrong password!" });
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(html).toContain(LOGIN_FAILED);
      expect(html).toContain(`value="${email}"`);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("sends signed-out visitors to the login page and back where they were", async () => {
    const response = await get("/dashboard/apps/whatever/users");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/dashboard/login?next=${encodeURIComponent("/dashboard/apps/whatever/users")}`,
    );
    const login = await post("/dashboard/login", {
      email: SEED_DEVELOPER.email,
      password: SEED_DEVELOPER.password,
      next: "/dashboard/apps/x/links",
    });
    expect(login.headers.get("location")).toBe("/dashboard/apps/x/links");
    const offsite = await post("/dashboard/login", {
      email: SEED_DEVELOPER.email,
      password: SEED_DEVELOPER.password,
      next: "//evil.example/",
    });
    expect(offsite.headers.get("location")).toBe("/dashboard");
  });

  it("logs out: the cookie is cleared and the old session no longer works", async () => {
    const cookie = await suite.dashboard.signUp("bye@example.com");
    const response = await post("/dashboard/logout", {}, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/^astra_sandbox_dev=;.*Max-Age=0/i);
    const after = await get("/dashboard", cookie);
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toContain("/dashboard/login");
  });

  it("the seeded developer logs in and sees the seeded app with its user", async () => {
    const html = await (await get("/dashboard", await suite.dashboard.logInSeeded())).text();
    expect(html).toContain(DEFAULT_APP.name);
    expect(html).toContain(DEFAULT_APP.clientId);
    expect(html).toMatch(new RegExp(`${DEFAULT_APP.clientId}</code></td><td>1</td>`));
    expect(html).toContain("Sandbox Developer");
  });

  it("redirects the emulator's root to the dashboard", async () => {
    const response = await get("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/dashboard");
  });
});

describe("the same-origin guard", () => {
  it("rejects a cross-site POST with 403 and changes nothing", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const login = await post(
      "/dashboard/login",
      { email: SEED_DEVELOPER.email, password: SEED_DEVELOPER.password },
      undefined,
      "https://evil.example",
    );
    expect(login.status).toBe(403);
    expect(login.headers.get("set-cookie")).toBeNull();
    const settings = await post(
      `/dashboard/apps/${DEFAULT_APP.clientId}`,
      { redirect_uris: "https://evil.example/steal" },
      cookie,
      "https://evil.example",
    );
    expect(settings.status).toBe(403);
    expect((await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId))?.redirectUris).toEqual(
      DEFAULT_APP.redirectUris,
    );
  });

  it("accepts a POST without an Origin header (older clients) and one from its own origin", async () => {
    const fields = { email: SEED_DEVELOPER.email, password: SEED_DEVELOPER.password };
    expect((await post("/dashboard/login", fields, undefined, null)).status).toBe(303);
    expect((await post("/dashboard/login", fields, undefined, ORIGIN)).status).toBe(303);
  });
});
